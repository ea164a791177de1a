package dev.stowage.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MooncakeWorkloadTest {
    private static Workload open(Path path, WorkloadShaping shaping) throws Exception {
        return new WorkloadSource(WorkloadSource.Kind.MOONCAKE, path).open(shaping);
    }

    @Test
    void reads_times_and_lengths() throws Exception {
        assertThat(Fixtures.arrivals(open(Fixtures.file("mooncake.jsonl"), WorkloadShaping.NONE)))
                .containsExactly(
                        new Arrival(0, "mooncake", 6758, 500),
                        new Arrival(0, "mooncake", 600, 49),
                        new Arrival(2500, "mooncake", 100, 7));
    }

    @Test
    void the_same_seed_keeps_the_same_requests() throws Exception {
        WorkloadShaping half = new WorkloadShaping(0.5, 1, 7);
        Path file = Fixtures.file("mooncake.jsonl");
        assertThat(Fixtures.arrivals(open(file, half))).isEqualTo(Fixtures.arrivals(open(file, half)));
    }

    @Test
    void a_missing_member_names_the_line() {
        assertThatThrownBy(() -> open(Fixtures.file("bad/mooncake-missing.jsonl"), WorkloadShaping.NONE)
                        .summary())
                .isInstanceOf(InputException.class)
                .hasMessage("mooncake-missing.jsonl: line 2: \"input_length\" is missing");
    }

    @Test
    void reads_the_real_trace() throws Exception {
        Path trace = Fixtures.TRACES.resolve("mooncake/conversation_trace.jsonl");
        assumeTrue(Fixtures.exists(trace), "no Mooncake trace here");
        assertThat(Fixtures.firstArrivals(open(trace, WorkloadShaping.NONE), 2))
                .containsExactly(
                        new Arrival(0, "conversation-trace", 6758, 500),
                        new Arrival(0, "conversation-trace", 7322, 490));
        assertThat(open(trace, WorkloadShaping.NONE).summary().totalRequests()).isEqualTo(12_031);
    }
}
