package dev.stowage.local.cloudwatch;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.stowage.functions.api.ApiGatewayEvents;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.WireError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A request to CloudWatch as every wire codec reads it. The SDKs gzip PutMetricData bodies of 10 KB or more
 * ({@code Content-Encoding: gzip}, the model's {@code requestcompression}); the body is inflated here, at most
 * {@value #MAX_INFLATED} bytes, after the signature was checked over the compressed bytes. Not thread-safe: one per
 * request.
 */
final class CloudWatchRequest {
    static final int MAX_INFLATED = 10 * 1024 * 1024;

    private final String method;
    private final String path;
    private final Headers headers;
    private final byte[] sent;
    private final String requestId;
    private byte @Nullable [] body;

    CloudWatchRequest(String method, String path, Headers headers, byte[] sent, String requestId) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.sent = sent;
        this.requestId = requestId;
    }

    static CloudWatchRequest of(APIGatewayProxyRequestEvent event) {
        String requestId = event.getRequestContext() == null
                ? ""
                : Objects.requireNonNullElse(event.getRequestContext().getRequestId(), "");
        return new CloudWatchRequest(
                Objects.requireNonNullElse(event.getHttpMethod(), ""),
                Objects.requireNonNullElse(event.getPath(), ""),
                ApiGatewayEvents.headers(event),
                ApiGatewayEvents.body(event),
                requestId);
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    Headers headers() {
        return headers;
    }

    String requestId() {
        return requestId;
    }

    /** The media type of the body, lower case, without parameters. */
    String contentType() {
        String type = headers.first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip();
    }

    /**
     * The body, inflated when gzipped.
     *
     * @throws dev.stowage.wire.protocol.WireException {@code SerializationException} for a broken gzip stream,
     *     {@code RequestEntityTooLarge} (413) past {@value #MAX_INFLATED} bytes
     */
    byte[] body() {
        if (body == null) {
            body = gzipped() ? inflate(sent) : sent;
        }
        return body;
    }

    private boolean gzipped() {
        return headers.all("Content-Encoding").stream()
                .anyMatch(value -> value.strip().equalsIgnoreCase("gzip"));
    }

    private static byte[] inflate(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (out.size() + read > MAX_INFLATED) {
                    throw new WireError(
                                    "RequestEntityTooLarge",
                                    "Request size exceeded " + MAX_INFLATED + " bytes once decompressed.",
                                    413)
                            .exception();
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw WireError.serialization("The request body is not valid gzip: " + e.getMessage())
                    .exception();
        }
    }
}
