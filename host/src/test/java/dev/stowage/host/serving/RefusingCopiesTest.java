package dev.stowage.host.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.host.LoopbackServer;
import dev.stowage.host.NoRoutes;
import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.trust.TestKeys;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.runtime.InvocationRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A scale-in removes a copy while the routing directory still lists it, and not yet the copy that serves on: every
 * listed copy refuses. The router reads the directory again rather than answering that there is no capacity.
 */
class RefusingCopiesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final URI GONE_HOST = URI.create("http://127.0.0.1:9");

    /** A directory that lists the removed copy for {@code staleFor}, then only the copy that serves. */
    private static final class LaggingDirectory extends NoRoutes {
        private final URI liveHost;
        private final long listedSince;
        private final Duration staleFor;

        LaggingDirectory(URI liveHost, long listedSince, Duration staleFor) {
            this.liveHost = liveHost;
            this.listedSince = listedSince;
            this.staleFor = staleFor;
        }

        @Override
        public Optional<EndpointRow> endpoint(String endpointName) {
            return Optional.of(ServingRows.endpoint(""));
        }

        @Override
        public Optional<InferenceComponentRow> component(String inferenceComponentName) {
            return Optional.of(ServingRows.component(1));
        }

        @Override
        public List<PeerCopy> copies(String endpointName, String variantName, String inferenceComponentName) {
            boolean stale = System.nanoTime() - listedSince < staleFor.toNanos();
            return stale
                    ? List.of(new PeerCopy("ic-removed", "i-2", GONE_HOST))
                    : List.of(new PeerCopy("ic-kept", "i-3", liveHost));
        }
    }

    @Test
    void a_request_whose_listed_copies_are_all_gone_is_served_by_the_copy_the_directory_lists_next() {
        try (LoopbackServer kept = LoopbackServer.serving("/", exchange -> {
                    byte[] body = "served".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                InvocationService router =
                        router(new LaggingDirectory(kept.uri(""), System.nanoTime(), Duration.ofMillis(400)))) {

            RuntimeResponse response = router.invoke(request(), "r-1", Optional.empty());

            assertThat(response).isInstanceOfSatisfying(RuntimeResponse.Whole.class, whole -> {
                assertThat(whole.status()).isEqualTo(200);
                assertThat(new String(whole.body(), StandardCharsets.UTF_8)).isEqualTo("served");
            });
        }
    }

    @Test
    void copies_that_keep_refusing_end_in_no_capacity_once_the_directory_had_time_to_catch_up() {
        try (InvocationService router =
                router(new LaggingDirectory(GONE_HOST, System.nanoTime(), Duration.ofDays(1)))) {
            long started = System.nanoTime();

            RuntimeResponse response = router.invoke(request(), "r-1", Optional.empty());

            assertThat(response).isInstanceOfSatisfying(RuntimeResponse.Whole.class, whole -> {
                assertThat(whole.status()).isEqualTo(400);
                assertThat(new String(whole.body(), StandardCharsets.UTF_8)).contains("has no capacity");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(10));
        }
    }

    private static InvocationService router(RoutingDirectory directory) {
        return new InvocationService(
                "i-1",
                new CopyTable(),
                directory,
                new InvocationMetrics(new InMemoryMetrics(), Clock.systemUTC()),
                ServingSettings.defaults(),
                TestKeys.signer());
    }

    private static InvocationRequest request() {
        return InvocationRequest.parse(
                "POST",
                "/endpoints/ep/invocations",
                Headers.ofSingle(Map.of("X-Amzn-SageMaker-Inference-Component", "ic")),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
