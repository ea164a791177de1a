package dev.stowage.local.sdk;

import static dev.stowage.local.sdk.ScaledComponent.setTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * Target tracking on {@code SageMakerInferenceComponentInvocationsPerCopy} (60-s periods) end to end, at time scale
 * 120 (a period is half a second): a load step scales the component out once three periods breached, and the new copy
 * serves; a further step inside the scale-out cooldown scales out again only when it is over; when the load falls,
 * the component scales in only after 15 low periods, and a second fall waits out the scale-in cooldown. Loads are
 * counted in requests per simulated minute, as the metric is.
 */
class InvocationsPerCopyScalingIT {
    private static final double SCALE = 120;

    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(ScenarioFleet.atTimeScale(SCALE));

    private static final String ENDPOINT = "invocations-ep";
    private static final String IC = "invocations-ic";
    private static final Duration PERIOD = ScenarioFleet.real(Duration.ofMinutes(1), SCALE);
    private static final Duration COOLDOWN = ScenarioFleet.real(Duration.ofMinutes(5), SCALE);
    /** Invocations per copy per minute. */
    private static final double TARGET = 10;

    @Test
    void load_steps_scale_out_and_in_as_target_tracking_does_with_its_cooldowns() {
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 1);
        ScenarioFleet.component(STOWAGE, ENDPOINT, IC, "stowage/echo", Map.of(), 1);
        try (ApplicationAutoScalingClient autoScaling = STOWAGE.running().autoScaling();
                SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false)) {
            ScaledComponent ic = new ScaledComponent(autoScaling, STOWAGE.sageMaker(), IC);
            ic.register(1, 4);
            ic.targetTracking("invocations", "SageMakerInferenceComponentInvocationsPerCopy", TARGET, (int)
                    Duration.ofMinutes(5).toSeconds());

            Instant stepped = Instant.now();
            try (SteadyLoad load = SteadyLoad.paced(runtime, ENDPOINT, IC, "{\"inputs\":\"hi\"}", perMinute(15))) {
                ScalingActivity out = ic.awaitScalings(1, ScenarioFleet.WAIT).getFirst();
                assertThat(setTo(out)).as("ceil(1 × 15 ÷ 10)").isEqualTo(2);
                assertThat(out.startTime())
                        .as("three breaching periods (the first may be partial), then the alarm's evaluation")
                        .isAfterOrEqualTo(stepped.plus(PERIOD.multipliedBy(2)))
                        .isBefore(stepped.plus(PERIOD.multipliedBy(5)).plus(PERIOD.dividedBy(10)));
                ic.awaitServing(2);
                Eventually.await(
                        ScenarioFleet.WAIT,
                        "both copies serve",
                        () -> load.copiesSeen().size() == 2);

                load.level(perMinute(28)); // 14 per copy: from 1 copy, ceil(14 ÷ 10) = 2; from 2, 3
                ScalingActivity again = ic.awaitScalings(2, ScenarioFleet.WAIT).get(1);
                assertThat(setTo(again)).as("ceil(2 × 14 ÷ 10)").isEqualTo(3);
                Instant cooled = out.endTime().plus(COOLDOWN);
                assertThat(again.startTime())
                        .as("the second scale-out waits out the first one's ScaleOutCooldown")
                        .isAfterOrEqualTo(cooled)
                        .isBefore(cooled.plus(PERIOD.multipliedBy(4)));
                ic.awaitServing(3);
                Eventually.await(
                        ScenarioFleet.WAIT,
                        "three copies serve",
                        () -> load.copiesSeen().size() == 3);

                load.level(perMinute(12)); // 4 per copy, below 90 % of the target: ceil(3 × 4 ÷ 10) = 2
                Instant fell = Instant.now();
                ScalingActivity in = ic.awaitScalings(3, ScenarioFleet.WAIT).get(2);
                assertThat(setTo(in)).isEqualTo(2);
                assertThat(in.startTime())
                        .as("15 low periods (the first may be partial), then the alarm's evaluation")
                        .isAfterOrEqualTo(fell.plus(PERIOD.multipliedBy(14)))
                        .isBefore(fell.plus(PERIOD.multipliedBy(17)));

                load.level(0); // the low alarm stays in ALARM and now asks for 0, held at MinCapacity 1
                ScalingActivity last = ic.awaitScalings(4, ScenarioFleet.WAIT).get(3);
                assertThat(setTo(last)).isEqualTo(1);
                Instant inCooled = in.endTime().plus(COOLDOWN);
                assertThat(last.startTime())
                        .as("the second scale-in waits out the first one's ScaleInCooldown")
                        .isAfterOrEqualTo(inCooled)
                        .isBefore(inCooled.plus(PERIOD.multipliedBy(4)));
                ic.awaitServing(1);
                assertThat(load.failures()).as("failed requests").isEmpty();
                assertThat(load.served()).isPositive();
            }
        }
    }

    /** Real requests per second for {@code perMinute} requests per simulated minute. */
    private static double perMinute(double perMinute) {
        return perMinute * SCALE / 60;
    }
}
