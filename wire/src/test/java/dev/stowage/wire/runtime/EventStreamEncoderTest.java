package dev.stowage.wire.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/** The frames, decoded again: headers and payloads as the runtime model's {@code ResponseStream} names them. */
class EventStreamEncoderTest {

    private static Map<String, String> headers(Message message) {
        return message.getHeaders().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((HeaderValue) e.getValue()).getString()));
    }

    @Test
    void a_payload_part_is_an_event_carrying_the_bytes() {
        Message message =
                Message.decode(ByteBuffer.wrap(EventStreamEncoder.payloadPart("tok".getBytes(StandardCharsets.UTF_8))));

        assertThat(headers(message))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ":message-type", "event",
                        ":event-type", "PayloadPart",
                        ":content-type", "application/octet-stream"));
        assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("tok");
    }

    @Test
    void a_model_stream_error_is_an_exception_with_message_and_error_code() throws Exception {
        Message message = Message.decode(
                ByteBuffer.wrap(EventStreamEncoder.modelStreamError(EventStreamEncoder.STREAM_BROKEN, "broken")));

        assertThat(headers(message))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ":message-type", "exception",
                        ":exception-type", "ModelStreamError",
                        ":content-type", "application/json"));
        assertThat(new ObjectMapper().readTree(message.getPayload()).toString())
                .isEqualTo("{\"Message\":\"broken\",\"ErrorCode\":\"StreamBroken\"}");
    }

    @Test
    void an_internal_stream_failure_carries_only_its_message() throws Exception {
        Message message = Message.decode(ByteBuffer.wrap(EventStreamEncoder.internalStreamFailure("gone")));

        assertThat(headers(message)).containsEntry(":exception-type", "InternalStreamFailure");
        assertThat(new ObjectMapper().readTree(message.getPayload()).toString()).isEqualTo("{\"Message\":\"gone\"}");
    }
}
