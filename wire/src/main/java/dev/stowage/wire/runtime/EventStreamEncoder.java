package dev.stowage.wire.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * AWS event-stream frames of an {@code InvokeEndpointWithResponseStream} response body ({@code
 * ResponseStream} in the model). Write {@link InvocationResponses#streamHeaders} with status 200, then
 * one frame per part, flushing after each; end the body after the last part, or after one error frame.
 * Each method returns one complete, self-delimiting frame (prelude, headers, payload, CRCs). Stateless
 * and thread-safe.
 *
 * <ul>
 *   <li>{@code PayloadPart}: {@code :message-type=event}, {@code :event-type=PayloadPart}, {@code
 *       :content-type=application/octet-stream}; the payload is the part's bytes ({@code Bytes} is the
 *       event payload).
 *   <li>{@code ModelStreamError} / {@code InternalStreamFailure}: {@code :message-type=exception}, {@code
 *       :exception-type=<shape>}, {@code :content-type=application/json}; the payload is the shape's
 *       members as JSON ({@code Message}, and {@code ErrorCode} for {@code ModelStreamError}). The SDKs
 *       raise {@code ModelStreamErrorException} / {@code InternalStreamFailureException} with that message
 *       and, unless retries are off for the call, retry the whole request.
 * </ul>
 */
public final class EventStreamEncoder {

    /** The {@code Content-Type} of a streamed response. */
    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    /** {@code ModelStreamError.ErrorCode}: the model did not finish within the invocation timeout. */
    public static final String MODEL_INVOCATION_TIME_EXCEEDED = "ModelInvocationTimeExceeded";

    /** {@code ModelStreamError.ErrorCode}: the connection to the model was reset or closed. */
    public static final String STREAM_BROKEN = "StreamBroken";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventStreamEncoder() {}

    /** A {@code PayloadPart} event carrying the bytes (which may be empty). */
    public static byte[] payloadPart(byte[] bytes) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString("PayloadPart"));
        headers.put(":content-type", HeaderValue.fromString("application/octet-stream"));
        return frame(new Message(headers, bytes));
    }

    /**
     * A {@code ModelStreamError} exception: the model failed after the stream started.
     *
     * @param errorCode {@link #MODEL_INVOCATION_TIME_EXCEEDED}, {@link #STREAM_BROKEN} or another code
     */
    public static byte[] modelStreamError(String errorCode, String message) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("Message", truncate(message));
        payload.put("ErrorCode", errorCode);
        return exception("ModelStreamError", payload);
    }

    /** An {@code InternalStreamFailure} exception: Stowage failed after the stream started. */
    public static byte[] internalStreamFailure(String message) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("Message", truncate(message));
        return exception("InternalStreamFailure", payload);
    }

    private static byte[] exception(String shape, ObjectNode payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString(shape));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        try {
            return frame(new Message(headers, MAPPER.writeValueAsBytes(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + shape, e);
        }
    }

    private static byte[] frame(Message message) {
        ByteBuffer buffer = message.toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static String truncate(String message) {
        return message.length() <= RuntimeError.MAX_MESSAGE ? message : message.substring(0, RuntimeError.MAX_MESSAGE);
    }
}
