package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * Stowage beyond the service: requests that carry {@code X-Stowage-Wait-For-Capacity} at zero copies and zero
 * instances wait while the component scales out from zero (at once, without the minute the no-capacity alarm takes),
 * and every one of them is served. Time scale 120: an instance boots in a quarter of a second.
 */
class WaitForCapacityIT {
    private static final double SCALE = 120;

    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(ScenarioFleet.atTimeScale(SCALE));

    private static final String ENDPOINT = "waiting-ep";
    private static final String IC = "waiting-ic";
    private static final int REQUESTS = 20;

    @Test
    void requests_waiting_at_zero_are_all_served_while_the_component_scales_from_zero() throws Exception {
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 0);
        ScenarioFleet.component(STOWAGE, ENDPOINT, IC, "stowage/echo", Map.of(), 1);
        try (ApplicationAutoScalingClient autoScaling = STOWAGE.running().autoScaling();
                SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false);
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            ScaledComponent ic = new ScaledComponent(autoScaling, STOWAGE.sageMaker(), IC);
            ic.register(0, 2);
            STOWAGE.sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(IC)
                    .desiredRuntimeConfig(r -> r.copyCount(0)));
            ic.awaitServing(0);
            Eventually.await(
                    ScenarioFleet.WAIT,
                    "the endpoint's instance retired",
                    () -> STOWAGE.sageMaker()
                                    .describeEndpoint(b -> b.endpointName(ENDPOINT))
                                    .productionVariants()
                                    .getFirst()
                                    .currentInstanceCount()
                            == 0);

            List<CompletableFuture<String>> waiting = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String body = "{\"request\":" + i + "}";
                waiting.add(CompletableFuture.supplyAsync(
                        () -> runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                                        .inferenceComponentName(IC)
                                        .contentType("application/json")
                                        .overrideConfiguration(o -> o.putHeader("X-Stowage-Wait-For-Capacity", "20"))
                                        .body(SdkBytes.fromUtf8String(body)))
                                .body()
                                .asUtf8String(),
                        clients));
            }
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                try {
                    assertThat(waiting.get(i).get(ScenarioFleet.WAIT.toSeconds(), TimeUnit.SECONDS))
                            .isEqualTo("{\"request\":" + i + "}");
                } catch (ExecutionException e) {
                    failures.add(e.getCause().toString());
                }
            }

            assertThat(failures).as("failed requests").isEmpty();
            List<ScalingActivity> scalings = ic.scalings();
            assertThat(scalings).as("one scaling for the burst").hasSize(1);
            assertThat(ScaledComponent.setTo(scalings.getFirst())).isEqualTo(1);
            assertThat(scalings.getFirst().cause())
                    .isEqualTo("a request is waiting for capacity on inference component " + IC);
            assertThat(ic.runtimeConfig().currentCopyCount()).isEqualTo(1);
        }
    }
}
