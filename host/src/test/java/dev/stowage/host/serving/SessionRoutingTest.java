package dev.stowage.host.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.routing.Candidate;
import dev.stowage.domain.routing.Pick;
import dev.stowage.domain.routing.PrefixKey;
import dev.stowage.domain.routing.Router;
import dev.stowage.domain.routing.RoutingStrategy;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.trust.KeySource;
import dev.stowage.host.trust.SessionTokens;
import dev.stowage.host.trust.TestKeys;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.runtime.InvocationRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** How a router treats stateful sessions (ADR 31): a session's requests go to its copy and nowhere else. */
class SessionRoutingTest {
    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final Target TARGET = new Target(
            "ep", "AllTraffic", "ic", RoutingStrategy.LEAST_OUTSTANDING_REQUESTS, Duration.ZERO, Optional.empty());
    private static final SessionTokens TOKENS = new SessionTokens(KeySource.fixed(TestKeys.KEYS));
    private static final Sessions SESSIONS = new Sessions(TOKENS, Clock.fixed(NOW, ZoneOffset.UTC));

    private static String token(String copyId, Instant expires) {
        return TOKENS.issue(new SessionTokens.Pin("ep", "ic", copyId, expires.getEpochSecond(), "abc-123"))
                .orElseThrow();
    }

    private static InvocationRequest request(String sessionId) {
        return InvocationRequest.parse(
                "POST",
                "/endpoints/ep/invocations",
                Headers.ofSingle(
                        Map.of("X-Amzn-SageMaker-Inference-Component", "ic", "X-Amzn-SageMaker-Session-Id", sessionId)),
                "{\"inputs\":\"hi\"}".getBytes());
    }

    /**
     * Whatever the strategy, the loads and the other copies, a session's request goes to its copy while that copy
     * serves and has room; when it is full the request waits (saturated), never moving to another copy.
     */
    @Property(tries = 300)
    void a_session_never_moves_while_its_copy_serves(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 20) Integer> loads,
            @ForAll @IntRange(min = 0, max = 7) int pinned,
            @ForAll @IntRange(min = 1, max = 16) int limit,
            @ForAll RoutingStrategy strategy,
            @ForAll long seed) {
        int index = pinned % loads.size();
        Map<String, Candidate> copies = new LinkedHashMap<>();
        for (int i = 0; i < loads.size(); i++) {
            String copyId = "ic-c" + (i + 1);
            copies.put(copyId, new Candidate(copyId, "i-" + (i % 2), Candidate.State.SERVING, loads.get(i), limit));
        }
        String copyId = "ic-c" + (index + 1);
        Sessions.Binding binding = SESSIONS.bind(request(token(copyId, NOW.plusSeconds(60))), TARGET);

        Pick pick = new Router(strategy, new SplittableRandom(seed))
                .pick(
                        new ArrayList<>(binding.restrict(copies).values()),
                        PrefixKey.of(new long[] {seed}, 1).orElse(null));

        if (loads.get(index) < limit) {
            assertThat(pick).isInstanceOfSatisfying(Pick.Routed.class, routed -> assertThat(
                            routed.copy().copyId())
                    .isEqualTo(copyId));
        } else {
            assertThat(pick).isInstanceOf(Pick.Saturated.class);
        }
    }

    @Test
    void a_session_whose_copy_no_longer_serves_has_nowhere_to_go() {
        Sessions.Binding binding = SESSIONS.bind(request(token("ic-c9", NOW.plusSeconds(60))), TARGET);

        assertThat(binding).isInstanceOf(Sessions.Pinned.class);
        assertThat(binding.restrict(Map.of("ic-c1", 1, "ic-c2", 2))).isEmpty();
        assertThat(((Sessions.Pinned) binding).gone().code()).isEqualTo("ValidationError");
    }

    @Test
    void an_expired_or_garbled_session_id_is_refused_with_a_validation_error() {
        String expired = token("ic-c1", NOW);
        assertThat(SESSIONS.bind(request(expired), TARGET)).isInstanceOfSatisfying(Sessions.Refused.class, refused -> {
            assertThat(refused.error().code()).isEqualTo("ValidationError");
            assertThat(refused.error().message()).contains("expired at 2026-12-08T10:00:00Z");
        });
        assertThat(SESSIONS.bind(request("not-a-session-of-ours"), TARGET))
                .isInstanceOfSatisfying(
                        Sessions.Refused.class,
                        refused -> assertThat(refused.error().status()).isEqualTo(400));
    }

    @Test
    void new_session_goes_anywhere_and_the_containers_id_comes_back_pinned_to_the_copy_that_opened_it() {
        Sessions.Binding opening = SESSIONS.bind(request("NEW_SESSION"), TARGET);
        assertThat(opening).isInstanceOf(Sessions.Opening.class);
        assertThat(opening.containerHeader()).isEqualTo("NEW_SESSION");

        Sessions.Reply reply = SESSIONS.reply(
                TARGET,
                "ic-c2",
                opening,
                Map.of("X-Amzn-SageMaker-New-Session-Id", "abc-123; Expires=2026-12-08T10:20:00Z"),
                "ic");

        String header = ((Sessions.Ids) reply).newSessionId();
        assertThat(header)
                .matches(
                        "^[a-zA-Z0-9](-*[a-zA-Z0-9])*;\\sExpires=[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
                .endsWith("; Expires=2026-12-08T10:20:00Z");
        String clientId = header.substring(0, header.indexOf(';'));
        Sessions.Binding next = SESSIONS.bind(request(clientId), TARGET);
        assertThat(next).isInstanceOfSatisfying(Sessions.Pinned.class, pinned -> {
            assertThat(pinned.pin().copyId()).isEqualTo("ic-c2");
            assertThat(pinned.containerHeader()).isEqualTo("abc-123");
        });

        Sessions.Reply closed =
                SESSIONS.reply(TARGET, "ic-c2", next, Map.of("x-amzn-sagemaker-closed-session-id", "abc-123"), "ic");
        assertThat(closed).isEqualTo(new Sessions.Ids(null, clientId));
    }

    @Test
    void a_container_answer_without_an_id_stowage_can_carry_is_a_model_error() {
        Sessions.Binding opening = SESSIONS.bind(request("NEW_SESSION"), TARGET);

        for (String header : List.of("a".repeat(250) + "; Expires=2026-12-08T10:20:00Z", "x; Expires=tomorrow")) {
            Sessions.Reply reply =
                    SESSIONS.reply(TARGET, "ic-c2", opening, Map.of("X-Amzn-SageMaker-New-Session-Id", header), "ic");
            assertThat(reply).isInstanceOfSatisfying(Sessions.Failed.class, failed -> assertThat(
                            failed.error().code())
                    .isEqualTo("ModelError"));
        }
    }

    @Test
    void a_container_that_names_no_expiry_gets_twenty_minutes() {
        Sessions.Reply reply = SESSIONS.reply(
                TARGET, "ic-c1", new Sessions.Opening(), Map.of("X-Amzn-SageMaker-New-Session-Id", "abc"), "ic");

        assertThat(((Sessions.Ids) reply).newSessionId()).endsWith("; Expires=2026-12-08T10:20:00Z");
    }

    @Test
    void a_copy_remembers_the_sessions_its_container_closed() {
        RoutableCopy copy = new RoutableCopy("ic-c1", "ic", URI.create("http://127.0.0.1:1"));

        Sessions.noteClosed(copy, Map.of("X-Amzn-SageMaker-Closed-Session-Id", "abc-123"));

        assertThat(Sessions.closedOn(copy, "abc-123")).isTrue();
        assertThat(Sessions.closedOn(copy, "abc-124")).isFalse();
        assertThat(Sessions.closedOn(copy, "NEW_SESSION")).isFalse();
        assertThat(Sessions.closedOn(copy, null)).isFalse();
    }
}
