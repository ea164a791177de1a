package dev.stowage.wire.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Encodes runtime answers as the SageMaker runtime sends them: headers and body, for an HTTP server that writes
 * them itself.
 *
 * <ul>
 *   <li>Success: the body, with the output members in the headers the model names: {@code Content-Type},
 *       {@code x-Amzn-Invoked-Production-Variant}, {@code X-Amzn-SageMaker-Custom-Attributes}, and for a stateful session {@code
 *       X-Amzn-SageMaker-New-Session-Id} or {@code X-Amzn-SageMaker-Closed-Session-Id}; plus {@code
 *       x-amzn-RequestId}, which the SDKs report as the request id.
 *   <li>Streaming: the same members, but the content type goes in {@code X-Amzn-SageMaker-Content-Type}
 *       and {@code Content-Type} is {@value EventStreamEncoder#CONTENT_TYPE}; the body is {@link
 *       EventStreamEncoder} frames.
 *   <li>Errors (REST JSON): the status, {@code X-Amzn-ErrorType: <code>} and {@code {"__type":"<code>",
 *       "message":"<text>"}}; the SDKs take the code from the header, else from {@code __type}. A {@code
 *       ModelError} also carries {@code OriginalStatusCode}, {@code OriginalMessage} and {@code
 *       LogStreamArn}, which the SDKs read into the exception's members by those names.
 * </ul>
 */
public final class InvocationResponses {

    /** The header the SDKs read the error code from (before any {@code :}). */
    public static final String ERROR_TYPE_HEADER = "X-Amzn-ErrorType";

    /** The header the SDKs read the request id from. */
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InvocationResponses() {}

    /** The headers of a successful {@code InvokeEndpoint} response (status 200, the model's body after them). */
    public static Map<String, String> successHeaders(ResponseMetadata metadata, String requestId) {
        return Collections.unmodifiableMap(outputHeaders(RuntimeOperation.INVOKE_ENDPOINT, metadata, requestId));
    }

    /**
     * The headers of a successful {@code InvokeEndpointWithResponseStream} response: status 200, then the
     * {@link EventStreamEncoder} frames as a chunked body. Errors found before the first frame is sent
     * are answered with {@link #errorHeaders} and {@link #errorBody} instead.
     */
    public static Map<String, String> streamHeaders(ResponseMetadata metadata, String requestId) {
        SequencedMap<String, String> headers =
                outputHeaders(RuntimeOperation.INVOKE_ENDPOINT_WITH_RESPONSE_STREAM, metadata, requestId);
        headers.putFirst("Content-Type", EventStreamEncoder.CONTENT_TYPE);
        return Collections.unmodifiableMap(headers);
    }

    /** The headers of an error response (its status is {@link RuntimeError#status()}). */
    public static Map<String, String> errorHeaders(RuntimeError error, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put(ERROR_TYPE_HEADER, error.code());
        headers.put(REQUEST_ID_HEADER, requestId);
        return Collections.unmodifiableMap(headers);
    }

    /** The JSON body of an error response. */
    public static byte[] errorBody(RuntimeError error) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("__type", error.code());
        body.put("message", error.message());
        RuntimeError.ModelFailure model = error.model();
        if (model != null) {
            body.put("OriginalStatusCode", model.originalStatusCode());
            body.put("OriginalMessage", model.originalMessage());
            if (model.logStreamArn() != null) {
                body.put("LogStreamArn", model.logStreamArn());
            }
        }
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode an error body", e);
        }
    }

    private static SequencedMap<String, String> outputHeaders(
            RuntimeOperation operation, ResponseMetadata metadata, String requestId) {
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        RuntimeModel.get().responseHeaders(operation).forEach((member, header) -> {
            String value =
                    switch (member) {
                        case "ContentType" -> metadata.contentType();
                        case "InvokedProductionVariant" -> metadata.invokedProductionVariant();
                        case "CustomAttributes" -> metadata.customAttributes();
                        case "NewSessionId" -> metadata.newSessionId();
                        case "ClosedSessionId" -> metadata.closedSessionId();
                        default -> null;
                    };
            if (value != null) {
                headers.put(header, value);
            }
        });
        headers.put(REQUEST_ID_HEADER, requestId);
        return headers;
    }
}
