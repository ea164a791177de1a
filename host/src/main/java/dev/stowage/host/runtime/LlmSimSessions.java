package dev.stowage.host.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stateful sessions of one {@code stowage/llm-sim} copy, as the DJL and vLLM containers keep theirs for SageMaker:
 * a request with {@code X-Amzn-SageMaker-Session-Id: NEW_SESSION} opens one (a body {@code {"requestType":
 * "NEW_SESSION"}} asks for nothing else), named by a random UUID and ending {@code lifetime} later, rounded up to the
 * second as {@code Expires} says it; a request with its id continues it (each one a turn, counted); {@code
 * {"requestType": "CLOSE"}} closes it. At most {@value #MAX_OPEN} are open at once. Thread-safe.
 */
final class LlmSimSessions {
    static final String SESSION_HEADER = "X-Amzn-SageMaker-Session-Id";
    static final String NEW_SESSION_HEADER = "X-Amzn-SageMaker-New-Session-Id";
    static final String CLOSED_SESSION_HEADER = "X-Amzn-SageMaker-Closed-Session-Id";
    static final String NEW_SESSION = "NEW_SESSION";
    static final String CLOSE = "CLOSE";
    static final int MAX_OPEN = 10_000;

    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    LlmSimSessions(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** An open session: its id, when it ends, and the turns taken in it so far. */
    record Session(String id, Instant expires, AtomicInteger turns) {
        /** {@code <id>; Expires=<yyyy-mm-ddThh:mm:ssZ>}, the header that tells SageMaker of a new session. */
        String header() {
            return id + "; Expires=" + expires;
        }
    }

    /** A new session, or empty when {@value #MAX_OPEN} are open. */
    Optional<Session> open() {
        Instant now = clock.instant();
        if (open.size() >= MAX_OPEN) {
            open.values().removeIf(s -> !now.isBefore(s.expires()));
            if (open.size() >= MAX_OPEN) {
                return Optional.empty();
            }
        }
        Instant end = now.plus(lifetime);
        Instant expires = end.truncatedTo(ChronoUnit.SECONDS);
        if (expires.isBefore(end)) {
            expires = expires.plusSeconds(1);
        }
        Session session = new Session(UUID.randomUUID().toString(), expires, new AtomicInteger());
        open.put(session.id(), session);
        return Optional.of(session);
    }

    /** The open session named {@code id}; an expired one is forgotten. */
    Optional<Session> find(String id) {
        Session session = open.get(id);
        if (session != null && !clock.instant().isBefore(session.expires())) {
            open.remove(id, session);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    /** Closes the session named {@code id}; false when none such is open. */
    boolean close(String id) {
        return find(id).map(s -> open.remove(id, s)).orElse(false);
    }

    /** The body's {@code requestType} ({@code NEW_SESSION}, {@code CLOSE}), when it is a JSON object with one. */
    static Optional<String> requestType(byte[] body) {
        if (body.length == 0 || body[0] != '{') {
            return Optional.empty();
        }
        try {
            JsonNode type = Json.MAPPER.readTree(body).path("requestType");
            return type.isTextual() ? Optional.of(type.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Made on the first session request, not when a copy starts (a cold mapper takes a while to build). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
