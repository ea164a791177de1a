package dev.stowage.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWorkloadTest {
    private static Workload open(String file, WorkloadShaping shaping) throws Exception {
        return WorkloadSource.parse("csv:" + Fixtures.file(file)).open(shaping);
    }

    @Test
    void reads_one_request_a_row_in_time_order() throws Exception {
        assertThat(Fixtures.arrivals(open("workload.csv", WorkloadShaping.NONE)))
                .containsExactly(
                        new Arrival(0, "chat", 100, 20),
                        new Arrival(500, "code", 2000, 5),
                        new Arrival(1250, "chat", 300, 40),
                        new Arrival(3_600_000, "chat", 10, 1));
    }

    @Test
    void compression_divides_the_times() throws Exception {
        assertThat(Fixtures.arrivals(open("workload.csv", new WorkloadShaping(1, 10, 0))))
                .extracting(Arrival::timestampMillis)
                .containsExactly(0L, 50L, 125L, 360_000L);
    }

    @Test
    void a_whole_rate_scale_repeats_each_request() throws Exception {
        List<Arrival> arrivals = Fixtures.arrivals(open("workload.csv", new WorkloadShaping(3, 1, 0)));
        assertThat(arrivals).hasSize(12);
        assertThat(arrivals.subList(0, 3)).containsOnly(new Arrival(0, "chat", 100, 20));
    }

    @Test
    void the_summary_counts_requests_and_spans_per_component() throws Exception {
        assertThat(open("workload.csv", WorkloadShaping.NONE).summary().components())
                .containsExactly(new ComponentLoad("chat", 3, 0, 3_600_000), new ComponentLoad("code", 1, 500, 500));
    }

    @Test
    void requests_out_of_time_order_name_the_file_and_line() {
        assertThatThrownBy(() -> open("bad/workload-out-of-order.csv", WorkloadShaping.NONE)
                        .summary())
                .isInstanceOf(InputException.class)
                .hasMessage("workload-out-of-order.csv: line 3: the requests are not in time order"
                        + " (this one is earlier than the line before)");
    }

    @Test
    void a_wrong_header_is_refused() {
        assertThatThrownBy(() -> open("azure/AzureLLMInferenceTrace_code.csv", WorkloadShaping.NONE)
                        .summary())
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("AzureLLMInferenceTrace_code.csv: line 1: the header must be"
                        + " 'timestamp,component,input_tokens,output_tokens'");
    }
}
