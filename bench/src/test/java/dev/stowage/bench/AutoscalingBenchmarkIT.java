package dev.stowage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The autoscaling benchmark's load-step and scale-from-zero runs at the smoke settings (time scale 60), end to end
 * against local mode: not timed, only that each phase happened in order, target tracking asked for the copies the
 * step calls for, requests that wait for capacity never fail, and the report prints.
 */
class AutoscalingBenchmarkIT {

    @Test
    void aLoadStepScalesOutAndWaitingRequestsNeverFail() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        AutoscalingBenchmark.Figures figures = AutoscalingBenchmark.run(
                AutoscalingBenchmark.Settings.smoke(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(figures.scaleOut())
                .extracting(ScaleOutTiming.Phases::metric)
                .containsExactly(
                        ScaleOutTiming.Metric.INVOCATIONS_PER_COPY, ScaleOutTiming.Metric.CONCURRENT_REQUESTS_PER_COPY);
        assertThat(figures.scaleOut()).allSatisfy(p -> {
            assertThat(p.desiredCount()).as("ceil(1 × 2.5 × target ÷ target)").isEqualTo(3);
            assertThat(p.detect()).as("three periods above the target").isGreaterThan(p.metric().periodSeconds);
            assertThat(p.decide()).isNotNegative();
            assertThat(p.place()).isNotNegative();
            assertThat(p.load()).as("llm-sim answers /ping after its load time").isGreaterThanOrEqualTo(30);
        });
        assertThat(figures.fromZero().recipe().failed())
                .as("the recipe fails requests until its alarm fires and a copy serves")
                .isPositive();
        assertThat(figures.fromZero().waiting().failed()).isZero();
        assertThat(figures.fromZero().waiting().ok())
                .isEqualTo(figures.fromZero().waiting().sent());
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("detect (→ ALARM)", "ConcurrentRequestsPerCopyHighResolution", "X-Stowage-Wait-For-Capacity");
    }
}
