package dev.stowage.local.sdk;

import static dev.stowage.local.sdk.ScaledComponent.setTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * Target tracking on {@code SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution} (10-s periods) end to
 * end, at time scale 60 (a period is 167 ms): eight clients in a closed loop on one {@code stowage/llm-sim} copy
 * scale it out to two once three periods breached, and the new copy serves; when the load stops, the component scales
 * in only after 90 low periods. {@link NoFlappingIT} keeps the same load on two copies.
 */
class HighResolutionScalingIT {
    private static final double SCALE = 60;

    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(ScenarioFleet.atTimeScale(SCALE));

    private static final String ENDPOINT = "concurrency-ep";
    private static final String IC = "concurrency-ic";
    private static final Duration PERIOD = ScenarioFleet.real(Duration.ofSeconds(10), SCALE);
    /**
     * What the scaling takes once its alarm's last period closed, in real time: the engine evaluates a tenth of a
     * period later, then the scaling reactor reads and writes the target's and the component's streams on DynamoDB
     * Local, on two cores shared with the load.
     */
    private static final Duration REACTION = Duration.ofMillis(150);

    static final int CLIENTS = 8;
    /** 8 requests on 2 copies are 4 per copy: between 0.9 × 4.2 = 3.78 and 4.2. */
    static final double TARGET = 4.2;
    /** Five tokens of 10 ms real each: a request takes about 50 ms. */
    static final Map<String, String> TOKENS_OF_10_MS =
            Map.of("STOWAGE_TOKEN_MS", Long.toString((long) (10 * SCALE)), "STOWAGE_BATCH_SLOWDOWN", "0");

    static final String BODY = "{\"inputs\":\"hi\",\"parameters\":{\"max_new_tokens\":5}}";

    @Test
    void a_load_step_scales_out_within_three_periods_and_scale_in_waits_90_low_periods() {
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 1);
        ScenarioFleet.component(STOWAGE, ENDPOINT, IC, "stowage/llm-sim", TOKENS_OF_10_MS, 1);
        try (ApplicationAutoScalingClient autoScaling = STOWAGE.running().autoScaling();
                SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false)) {
            ScaledComponent ic = new ScaledComponent(autoScaling, STOWAGE.sageMaker(), IC);
            ic.register(1, 4);
            ic.targetTracking(
                    "concurrency", "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution", TARGET, (int)
                            Duration.ofMinutes(5).toSeconds());

            try (SteadyLoad load = SteadyLoad.concurrent(runtime, ENDPOINT, IC, BODY, 1, CLIENTS)) {
                Eventually.await(ScenarioFleet.WAIT, "a first request served", () -> load.served() > 0);
                Instant stepped = Instant.now();
                load.level(CLIENTS);
                ScalingActivity out = ic.awaitScalings(1, ScenarioFleet.WAIT).getFirst();
                assertThat(setTo(out)).as("ceil(1 × 8 ÷ 4.2)").isEqualTo(2);
                assertThat(out.startTime())
                        .as("three breaching periods (the first may be partial), then the alarm's evaluation")
                        .isAfterOrEqualTo(stepped.plus(PERIOD.multipliedBy(2)))
                        .isBefore(stepped.plus(PERIOD.multipliedBy(5)).plus(REACTION));
                ic.awaitServing(2);
                Eventually.await(
                        ScenarioFleet.WAIT,
                        "both copies serve",
                        () -> load.copiesSeen().size() == 2);

                load.holdFor(PERIOD.multipliedBy(5)); // periods read on two copies, above the low threshold
                assertThat(load.failures()).as("failed requests").isEmpty();
                load.close();

                Instant stopped = Instant.now();
                List<ScalingActivity> scalings = ic.awaitScalings(2, ScenarioFleet.WAIT);
                assertThat(scalings).as("no scaling between the two").hasSize(2);
                ScalingActivity in = scalings.getLast();
                assertThat(in.startTime())
                        .as("90 low periods, then the alarm's evaluation; a period before the stop may read low on a"
                                + " busy machine, and a period the host could not sample in time is missing")
                        .isAfterOrEqualTo(stopped.plus(PERIOD.multipliedBy(87)))
                        .isBefore(stopped.plus(PERIOD.multipliedBy(100)).plus(REACTION));
                assertThat(setTo(in))
                        .as("ceil(2 × 0 ÷ 4.2), held at MinCapacity")
                        .isEqualTo(1);
                ic.awaitServing(1);
            }
        }
    }
}
