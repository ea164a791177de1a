package dev.stowage.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * A proxy response whose body is written as it is produced, as a Lambda function with response streaming answers
 * through a function URL or a streaming integration: the local server sends the status and headers, then lets
 * {@link #writeTo} write the body chunked, flushing as it goes.
 */
public final class StreamedProxyResponse extends APIGatewayProxyResponseEvent {
    private final transient Body body;

    /** Writes the body; it must end whether or not the client is still there. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public StreamedProxyResponse(int status, Map<String, String> headers, Body body) {
        this.body = body;
        setStatusCode(status);
        setHeaders(headers);
    }

    /** Writes the body to {@code out}: the local server does, and tests of the handlers that stream. */
    public void writeTo(OutputStream out) throws IOException {
        body.writeTo(out);
    }
}
