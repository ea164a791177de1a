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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a variant whose RoutingConfig says {@code STOWAGE_PREFIX_AWARE} sends requests with the same prompt
 * prefix to the same copy (here four peers' copies), and spreads different prefixes over the copies.
 */
class PrefixAwareRoutingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<LoopbackServer> hosts = new ArrayList<>();
    private final List<String> servedBy = new ArrayList<>();

    private final class FourCopies extends NoRoutes {
        @Override
        public Optional<EndpointRow> endpoint(String endpointName) {
            return Optional.of(
                    ServingRows.endpoint("\"RoutingConfig\":{\"RoutingStrategy\":\"STOWAGE_PREFIX_AWARE\"}"));
        }

        @Override
        public Optional<InferenceComponentRow> component(String inferenceComponentName) {
            return Optional.of(ServingRows.component(4));
        }

        @Override
        public List<PeerCopy> copies(String endpointName, String variantName, String inferenceComponentName) {
            List<PeerCopy> copies = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                copies.add(new PeerCopy(
                        "ic-copy-" + i, "i-" + (i + 2), hosts.get(i).uri("")));
            }
            return copies;
        }
    }

    @AfterEach
    void stop() {
        hosts.forEach(LoopbackServer::close);
    }

    @Test
    void requests_sharing_a_prefix_meet_on_one_copy_and_other_prefixes_spread() {
        for (int i = 0; i < 4; i++) {
            String name = "copy-" + i;
            hosts.add(LoopbackServer.serving("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                synchronized (servedBy) {
                    servedBy.add(name);
                }
                exchange.sendResponseHeaders(200, 2);
                exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
                exchange.close();
            }));
        }
        try (InvocationService router = new InvocationService(
                "i-1",
                new CopyTable(),
                new FourCopies(),
                new InvocationMetrics(new InMemoryMetrics(), Clock.systemUTC()),
                ServingSettings.defaults(),
                TestKeys.signer())) {
            for (int turn = 0; turn < 12; turn++) {
                assertThat(status(router.invoke(
                                request("{\"hash_ids\":[0,7," + (100 + turn) + "]}"), "r", Optional.empty())))
                        .isEqualTo(200);
            }
            assertThat(new HashSet<>(servedBy)).as("one conversation, one copy").hasSize(1);

            servedBy.clear();
            for (int conversation = 0; conversation < 40; conversation++) {
                router.invoke(request("{\"hash_ids\":[0," + (1_000 + conversation) + "]}"), "r", Optional.empty());
            }
            Set<String> copies = new HashSet<>(servedBy);
            assertThat(copies).as("forty conversations").hasSizeGreaterThanOrEqualTo(3);
        }
    }

    private static int status(RuntimeResponse response) {
        return response instanceof RuntimeResponse.Whole whole ? whole.status() : -1;
    }

    private static InvocationRequest request(String body) {
        return InvocationRequest.parse(
                "POST",
                "/endpoints/ep/invocations",
                Headers.ofSingle(Map.of("X-Amzn-SageMaker-Inference-Component", "ic")),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
