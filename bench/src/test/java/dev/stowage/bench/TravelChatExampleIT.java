package dev.stowage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The announcement's example (issue 5) in local mode at time scale 360, on a compressed schedule of two one-hour days
 * (European variant busy the first half of each, American the second): each variant scales to zero while idle and
 * back when its traffic returns with no failed request, the shared endpoint never needs a second instance, and the
 * run reports its instance-hours beside two dedicated single-model endpoints.
 */
class TravelChatExampleIT {

    @Test
    void oneInstanceServesBothVariantsAndEachScalesToZeroWhileIdle() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        TravelChatExample.Result result = AutoscalingBenchmark.runExample(
                TravelChatExample.Settings.compressed(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(result.variants().values()).allSatisfy(variant -> {
            assertThat(variant.requests().sent())
                    .as(variant.component() + " requests")
                    .isPositive();
            assertThat(variant.requests().failed())
                    .as(variant.component() + " failed requests")
                    .isZero();
            assertThat(variant.withCopies())
                    .as(variant.component() + ": copies while busy, none while idle, copies again")
                    .hasSizeGreaterThanOrEqualTo(2);
        });
        assertThat(result.maxInstancesAtOnce()).as("instances at once").isEqualTo(1);
        assertThat(result.instancesRequested())
                .as("instances requested during the run")
                .isEqualTo(1);
        assertThat(result.instancesLost()).isZero();
        assertThat(result.sharedInstanceHours() / result.dedicatedAlwaysOnHours())
                .isLessThanOrEqualTo(0.5);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("instance-hours", "two dedicated endpoints", "it never needed a second instance");
    }
}
