package dev.stowage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's workloads, a handful of iterations each, end to end against local mode: not timed, only that
 * every call succeeds, the probe sees the DynamoDB requests and the report prints.
 */
class ControlPlaneBenchmarkIT {

    @Test
    void everyWorkloadRunsAndTheReportPrints() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Figures figures = ControlPlaneBenchmark.run(
                BenchSettings.smoke(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(figures.raw).extracting(run -> run.load().iterations()).containsExactly(3L, 24L);
        assertThat(figures.pairs).extracting(run -> run.load().iterations()).containsExactly(3L, 24L);
        assertThat(figures.inferenceComponents).isEqualTo(27);
        Figures.Run single = figures.pairs.getFirst();
        assertThat(single.probe().get(ControlPlaneCalls.CREATE).calls.sum()).isEqualTo(3);
        assertThat(single.probe().get(ControlPlaneCalls.CREATE).dynamoDbRequestCount())
                .isGreaterThanOrEqualTo(3);
        assertThat(single.probe().get(ControlPlaneCalls.DESCRIBE).dynamoDbRequestCount())
                .isGreaterThanOrEqualTo(3);
        assertThat(figures.raw.getFirst().probe().get(RawPuts.OPERATION).dynamoDbRequestsByName())
                .containsExactly(Map.entry("PutItem", 3L));
        assertThat(figures.others.load().latencies().sorted(ControlPlaneCalls.LIST))
                .hasSize(3);
        assertThat(figures.others.load().latencies().sorted(ControlPlaneCalls.DESCRIBE_ENDPOINT))
                .hasSize(3);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Baseline: conditional PutItem", "Stack: CreateInferenceComponent", "Where the time goes");
    }
}
