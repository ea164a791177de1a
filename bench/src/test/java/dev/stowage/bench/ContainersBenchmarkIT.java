package dev.stowage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.docker.DockerEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The containers benchmark's smoke settings end to end on the Docker Engine (seconds once the test images are built):
 * not timed, only that every scenario runs and its figures print. Skipped without an engine, failed instead under CI.
 */
@ExtendWith(DockerEngine.class)
class ContainersBenchmarkIT {

    @Test
    void everyScenarioRunsAndPrintsItsFigures() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        ContainersBenchmark.Result result = ContainersBenchmark.run(
                ContainersBenchmark.Settings.smoke(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(result.coldStarts()).extracting(ColdStartSplit.Run::caching).containsExactly(false, true);
        assertThat(result.density()).as(report).hasSizeGreaterThanOrEqualTo(2);
        assertThat(report)
                .contains(
                        "cached ÷ uncached, second copy after the first was removed",
                        "Router overhead through a container copy",
                        "through the host's runtime API",
                        "OverheadLatency of the measured calls",
                        "ModelLatency of the measured calls",
                        "per added copy",
                        "stopped: ");
    }
}
