package dev.stowage.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

class StowageSettingsTest {

    @Test
    void defaults_when_the_context_says_nothing() {
        StowageSettings settings = settings(Map.of());
        assertThat(settings.deployment()).isEqualTo("stowage");
        assertThat(settings.instanceTypes()).isEmpty();
        assertThat(settings.maxInstances()).isEqualTo(8);
        assertThat(settings.maxCopiesPerInferenceComponent()).isEqualTo(1000);
        assertThat(settings.vpcId()).isEmpty();
        assertThat(settings.natGateways()).isEqualTo(1);
        assertThat(settings.logRetentionDays()).isEqualTo(30);
        assertThat(settings.ecrRepositories()).isEmpty();
    }

    @Test
    void reads_the_cli_strings_and_cdk_json_values() {
        StowageSettings fromCli = settings(Map.of(
                "stowage:deployment", "ml-serving",
                "stowage:instanceTypes", "ml.g5.xlarge, ml.inf2.xlarge",
                "stowage:maxInstances", "12",
                "stowage:maxCopiesPerInferenceComponent", "64",
                "stowage:vpcId", "vpc-0abc",
                "stowage:artifactBuckets", "models-a,models-b",
                "stowage:ecrRepositories", "models/llm, arn:aws:ecr:us-west-2:210987654321:repository/shared"));
        assertThat(fromCli.deployment()).isEqualTo("ml-serving");
        assertThat(fromCli.instanceTypes()).containsExactly("ml.g5.xlarge", "ml.inf2.xlarge");
        assertThat(fromCli.maxInstances()).isEqualTo(12);
        assertThat(fromCli.maxCopiesPerInferenceComponent()).isEqualTo(64);
        assertThat(fromCli.vpcId()).isEqualTo(Optional.of("vpc-0abc"));
        assertThat(fromCli.artifactBuckets()).containsExactly("models-a", "models-b");
        assertThat(fromCli.ecrRepositories())
                .containsExactly("models/llm", "arn:aws:ecr:us-west-2:210987654321:repository/shared");

        StowageSettings fromJson =
                settings(Map.of("stowage:instanceTypes", List.of("ml.g5.xlarge"), "stowage:maxInstances", 3));
        assertThat(fromJson.instanceTypes()).containsExactly("ml.g5.xlarge");
        assertThat(fromJson.maxInstances()).isEqualTo(3);
    }

    @Test
    void refuses_what_would_break_the_deployment() {
        assertThatThrownBy(() -> settings(Map.of("stowage:instanceTypes", "g5.xlarge")))
                .hasMessageContaining("g5.xlarge is not one");
        assertThatThrownBy(() -> settings(Map.of("stowage:maxInstances", "0"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> settings(Map.of("stowage:deployment", "has_underscore")))
                .hasMessageContaining("stowage:deployment");
        assertThatThrownBy(() ->
                        settings(Map.of("stowage:ecrRepositories", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/m")))
                .hasMessageContaining("is neither");
        assertThatThrownBy(() -> settings(Map.of("stowage:ecrRepositories", "arn:aws:s3:::bucket")))
                .hasMessageContaining("is neither");
    }

    private static StowageSettings settings(Map<String, Object> context) {
        return StowageSettings.fromContext(
                new App(AppProps.builder().context(context).build()).getNode());
    }
}
