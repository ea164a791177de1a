package dev.stowage.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentFileTest {
    @TempDir
    Path dir;

    @Test
    void reads_the_operations_in_order_with_the_default_template() throws Exception {
        Deployment deployment = DeploymentFile.read(Fixtures.file("deployment.json"));
        assertThat(deployment.entries())
                .extracting(DeploymentEntry::operation)
                .containsExactly(
                        Operation.CREATE_MODEL,
                        Operation.CREATE_ENDPOINT_CONFIG,
                        Operation.CREATE_ENDPOINT,
                        Operation.CREATE_INFERENCE_COMPONENT,
                        Operation.REGISTER_SCALABLE_TARGET,
                        Operation.DEFAULT_INFERENCE_COMPONENT);
        assertThat(deployment.createdComponents()).containsExactly("chat");
        assertThat(deployment.defaultScales()).isTrue();
        assertThat(deployment.uncovered(List.of("chat", "code"))).isEmpty();
    }

    @Test
    void without_a_template_the_workload_components_not_created_are_uncovered() throws Exception {
        Deployment deployment = DeploymentFile.read(Fixtures.file("deployment-no-default.json"));
        assertThat(deployment.uncovered(List.of("chat", "code"))).containsExactly("code");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"Operation\": \"CreateEndpointz\", \"Request\": {}}|entry 2 (line 3): unknown Operation \"CreateEndpointz\"",
                "{\"Operation\": \"CreateEndpoint\"}|entry 2 (line 3): \"Request\" is missing",
                "{\"Request\": {}}|entry 2 (line 3): \"Operation\" is missing",
                "{\"Operation\": 3, \"Request\": {}}|entry 2 (line 3): \"Operation\" must be a string, not 3",
                "{\"Operation\": \"CreateEndpoint\", \"Request\": []}|entry 2 (line 3): \"Request\" must be an object, not []",
                "{\"Operation\": \"CreateEndpoint\", \"Request\": {}, \"Extra\": 1}|entry 2 (line 3): unknown member \"Extra\" (an entry has \"Operation\" and \"Request\")",
                "{\"Operation\": \"CreateInferenceComponent\", \"Request\": {}}|entry 2 (line 3): \"Request\".\"InferenceComponentName\" is missing or not a string",
                "{\"Operation\": \"CreateInferenceComponent\", \"Request\": {\"InferenceComponentName\": \"a\"}}|entry 2 (line 3): inference component \"a\" is created twice",
                "\"CreateModel\"|entry 2 (line 3): expected an object {\"Operation\": …, \"Request\": {…}}",
            })
    void a_bad_entry_is_named_by_number_and_line(String second, String error) throws Exception {
        Path file = write(
                "[\n{\"Operation\": \"CreateInferenceComponent\", \"Request\": {\"InferenceComponentName\": \"a\"}},\n"
                        + second + "\n]\n");
        assertThatThrownBy(() -> DeploymentFile.read(file))
                .isInstanceOf(InputException.class)
                .hasMessage("deployment.json: " + error);
    }

    @Test
    void a_second_template_is_refused() throws Exception {
        String template = "{\"Operation\": \"DefaultInferenceComponent\", \"Request\": {}}";
        Path file = write("[" + template + ",\n" + template + "]");
        assertThatThrownBy(() -> DeploymentFile.read(file))
                .hasMessage("deployment.json: entry 2 (line 2): a second DefaultInferenceComponent");
    }

    @Test
    void a_template_scaling_policy_must_be_an_object() throws Exception {
        Path file = write("[{\"Operation\": \"DefaultInferenceComponent\", \"Request\": {\"ScalingPolicy\": 1}}]");
        assertThatThrownBy(() -> DeploymentFile.read(file))
                .hasMessage(
                        "deployment.json: entry 1 (line 1): \"Request\".\"ScalingPolicy\" must be an object, not 1");
    }

    @Test
    void not_a_list_or_not_json_names_the_line() throws Exception {
        assertThatThrownBy(() -> DeploymentFile.read(write("{}")))
                .hasMessage("deployment.json: line 1: expected a JSON list of entries");
        assertThatThrownBy(() -> DeploymentFile.read(write("[\n{\"Operation\": }\n]")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("deployment.json: line 2: not valid JSON: ");
    }

    @Test
    void a_file_larger_than_ten_mebibytes_is_refused_before_it_is_parsed() throws Exception {
        Path file = write("[" + " ".repeat((int) DeploymentFile.MAX_BYTES) + "]");
        assertThatThrownBy(() -> DeploymentFile.read(file)).hasMessage("deployment.json: larger than 10 MiB");
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("deployment.json"), text);
    }
}
