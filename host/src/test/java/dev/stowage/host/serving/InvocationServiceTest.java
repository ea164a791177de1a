package dev.stowage.host.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.host.NoRoutes;
import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.trust.TestKeys;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.runtime.InvocationRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvocationServiceTest {

    /** A control plane that cannot be read. */
    private static final class Unreachable extends NoRoutes {
        @Override
        public Optional<EndpointRow> endpoint(String endpointName) {
            throw new IllegalStateException("DynamoDB is unreachable");
        }

        @Override
        public Optional<InferenceComponentRow> component(String inferenceComponentName) {
            throw new IllegalStateException("DynamoDB is unreachable");
        }
    }

    @Test
    void a_control_plane_that_cannot_be_read_is_an_internal_failure_the_sdks_retry() {
        try (InvocationService service = new InvocationService(
                "i-1",
                new CopyTable(),
                new Unreachable(),
                new InvocationMetrics(new InMemoryMetrics(), Clock.systemUTC()),
                ServingSettings.defaults(),
                TestKeys.signer())) {
            InvocationRequest request = InvocationRequest.parse(
                    "POST",
                    "/endpoints/ep/invocations",
                    Headers.ofSingle(Map.of("X-Amzn-SageMaker-Inference-Component", "ic")),
                    "{}".getBytes(StandardCharsets.UTF_8));

            RuntimeResponse response = service.invoke(request, "r-1", Optional.empty());

            assertThat(response).isInstanceOfSatisfying(RuntimeResponse.Whole.class, whole -> {
                assertThat(whole.status()).isEqualTo(500);
                assertThat(new String(whole.body(), StandardCharsets.UTF_8)).contains("InternalFailure");
            });
        }
    }
}
