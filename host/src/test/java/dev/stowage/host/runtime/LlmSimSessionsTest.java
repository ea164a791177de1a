package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LlmSimSessionsTest {
    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00.250Z");

    private static final class MovableClock extends java.time.Clock {
        Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_session_lives_its_lifetime_rounded_up_to_the_second_expires_names() {
        MovableClock clock = new MovableClock();
        LlmSimSessions sessions = new LlmSimSessions(Duration.ofSeconds(2), clock);

        LlmSimSessions.Session session = sessions.open().orElseThrow();

        assertThat(session.header()).matches("[0-9a-f-]{36}; Expires=2026-12-08T10:00:03Z");
        clock.now = Instant.parse("2026-12-08T10:00:02.999Z");
        assertThat(sessions.find(session.id())).contains(session);
        clock.now = Instant.parse("2026-12-08T10:00:03Z");
        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void a_closed_session_is_gone_and_closing_it_again_finds_nothing() {
        LlmSimSessions sessions = new LlmSimSessions(Duration.ofMinutes(20), new MovableClock());
        LlmSimSessions.Session session = sessions.open().orElseThrow();

        assertThat(sessions.close(session.id())).isTrue();
        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(sessions.close(session.id())).isFalse();
    }

    @Test
    void the_request_type_is_read_from_a_json_object_only() {
        assertThat(LlmSimSessions.requestType(bytes("{\"requestType\":\"CLOSE\"}")))
                .contains("CLOSE");
        assertThat(LlmSimSessions.requestType(bytes("{\"inputs\":\"hi\"}"))).isEmpty();
        assertThat(LlmSimSessions.requestType(bytes("[1]"))).isEmpty();
        assertThat(LlmSimSessions.requestType(bytes("{bad"))).isEmpty();
        assertThat(LlmSimSessions.requestType(new byte[0])).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
