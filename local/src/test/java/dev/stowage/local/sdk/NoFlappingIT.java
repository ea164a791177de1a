package dev.stowage.local.sdk;

import static dev.stowage.local.sdk.ScaledComponent.setTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * Target tracking does not flap under a steady load that sits between its two alarms' thresholds: eight clients in a
 * closed loop on two {@code stowage/llm-sim} copies are 4 concurrent requests per copy, above the low alarm's 3.78
 * (90 % of the target 4.2) and not above the high alarm's 4.2, for more 10-s periods than the low alarm needs (90),
 * at time scale 60. The desired count changes direction at most once.
 */
class NoFlappingIT {
    private static final double SCALE = 60;

    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(ScenarioFleet.atTimeScale(SCALE));

    private static final String ENDPOINT = "steady-ep";
    private static final String IC = "steady-ic";
    private static final Duration PERIOD = ScenarioFleet.real(Duration.ofSeconds(10), SCALE);

    @Test
    void a_load_between_the_thresholds_changes_the_direction_of_the_copy_count_at_most_once() {
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 1);
        ScenarioFleet.component(STOWAGE, ENDPOINT, IC, "stowage/llm-sim", HighResolutionScalingIT.TOKENS_OF_10_MS, 2);
        try (ApplicationAutoScalingClient autoScaling = STOWAGE.running().autoScaling();
                SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false)) {
            ScaledComponent ic = new ScaledComponent(autoScaling, STOWAGE.sageMaker(), IC);
            ic.register(1, 4);
            ic.targetTracking(
                    "concurrency",
                    "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution",
                    HighResolutionScalingIT.TARGET,
                    (int) Duration.ofMinutes(5).toSeconds());

            try (SteadyLoad load = SteadyLoad.concurrent(
                    runtime,
                    ENDPOINT,
                    IC,
                    HighResolutionScalingIT.BODY,
                    HighResolutionScalingIT.CLIENTS,
                    HighResolutionScalingIT.CLIENTS)) {
                load.holdFor(PERIOD.multipliedBy(100));
                List<ScalingActivity> scalings = ic.scalings();
                assertThat(directionChanges(2, scalings))
                        .as("direction changes of the desired count under a steady load, in %s", scalings)
                        .isLessThanOrEqualTo(1);
                assertThat(load.failures()).as("failed requests").isEmpty();
                assertThat(load.served()).as("requests served").isGreaterThan(1_000);
            }
        }
    }

    /** How often the desired count turned from rising to falling or back, starting at {@code initial}. */
    private static int directionChanges(int initial, List<ScalingActivity> scalings) {
        int changes = 0;
        int previous = initial;
        int direction = 0;
        for (ScalingActivity scaling : scalings) {
            int next = setTo(scaling);
            int step = Integer.signum(next - previous);
            if (step != 0 && direction != 0 && step != direction) {
                changes++;
            }
            direction = step != 0 ? step : direction;
            previous = next;
        }
        return changes;
    }
}
