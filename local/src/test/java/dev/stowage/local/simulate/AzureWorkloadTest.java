package dev.stowage.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AzureWorkloadTest {
    private static Workload open(Path path) throws Exception {
        return new WorkloadSource(WorkloadSource.Kind.AZURE, path).open(WorkloadShaping.NONE);
    }

    @Test
    void times_count_from_the_first_row_and_the_file_names_the_component() throws Exception {
        assertThat(Fixtures.arrivals(open(Fixtures.file("azure/AzureLLMInferenceTrace_conv.csv"))))
                .containsExactly(
                        new Arrival(0, "AzureLLMInferenceTrace-conv", 374, 44),
                        new Arrival(4314, "AzureLLMInferenceTrace-conv", 396, 109),
                        new Arrival(60_000, "AzureLLMInferenceTrace-conv", 879, 45));
    }

    @Test
    void a_folder_is_one_component_per_file_merged_in_time_order_from_the_earliest_request() throws Exception {
        assertThat(Fixtures.arrivals(open(Fixtures.file("azure"))))
                .extracting(Arrival::component, Arrival::timestampMillis)
                .containsExactly(
                        tuple("AzureLLMInferenceTrace-conv", 0L),
                        tuple("AzureLLMInferenceTrace-conv", 4314L),
                        tuple("AzureLLMInferenceTrace-conv", 60_000L),
                        tuple("AzureLLMInferenceTrace-code", 77_299L),
                        tuple("AzureLLMInferenceTrace-code", 77_319L));
    }

    @Test
    void a_bad_token_count_names_the_file_line_and_column() {
        assertThatThrownBy(() -> open(Fixtures.file("bad/azure-bad-tokens.csv")).summary())
                .isInstanceOf(InputException.class)
                .hasMessage("azure-bad-tokens.csv: line 3: ContextTokens must be a whole number of tokens, 0 or more,"
                        + " not '-3'");
    }

    @Test
    void reads_the_real_trace() throws Exception {
        Path trace = Fixtures.TRACES.resolve("azure-llm-2023/AzureLLMInferenceTrace_conv.csv");
        assumeTrue(Fixtures.exists(trace), "no Azure trace here");
        assertThat(Fixtures.firstArrivals(open(trace), 2))
                .containsExactly(
                        new Arrival(0, "AzureLLMInferenceTrace-conv", 374, 44),
                        new Arrival(4314, "AzureLLMInferenceTrace-conv", 396, 109));
        assertThat(open(trace).summary().totalRequests()).isEqualTo(19_366);
    }
}
