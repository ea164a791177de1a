package dev.stowage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The hosts' launch templates and role as they concern containers (ADR 21): Docker and devices at boot, ECR pulls. */
class HostFleetTest {
    private static final String DOCKER = "command -v dockerd >/dev/null 2>&1 || dnf install -y docker";
    private static final String RESTART_DOCKER = "systemctl restart docker";
    private static final String START_HOST = "systemctl enable --now " + HostUserData.SERVICE;
    private static final String NVIDIA_RUNTIME = "nvidia-ctk runtime configure --runtime=docker";
    private static final String NEURON_DRIVER = "'aws-neuronx-dkms-2.*'";

    private final Template template = SynthesizedStack.get().template;

    @Test
    void every_host_installs_and_starts_docker_before_the_host_which_wants_it_and_may_use_its_socket() {
        for (String kind : List.of("gpu", "neuron")) {
            String script = userData(kind);
            assertThat(script)
                    .as(kind)
                    .contains(DOCKER, "systemctl enable docker", "usermod --append --groups docker stowage")
                    .contains("Wants=network-online.target docker.service")
                    .contains("After=network-online.target docker.service");
            assertThat(script.indexOf(DOCKER)).as(kind).isLessThan(script.indexOf(RESTART_DOCKER));
            assertThat(script.indexOf(RESTART_DOCKER)).as(kind).isLessThan(script.indexOf(START_HOST));
        }
    }

    @Test
    void every_host_serves_its_peers_on_the_port_only_they_may_reach() {
        for (String kind : List.of("gpu", "neuron")) {
            assertThat(userData(kind))
                    .as(kind)
                    .contains("STOWAGE_RUNTIME_PORT=" + HostNetwork.RUNTIME_PORT + "\n")
                    .contains("STOWAGE_PEER_PORT=" + HostNetwork.PEER_PORT + "\n");
        }
    }

    @Test
    void gpu_hosts_register_the_nvidia_runtime_before_docker_restarts() {
        String script = userData("gpu");

        assertThat(script)
                .contains("command -v nvidia-ctk >/dev/null 2>&1 || {", NVIDIA_RUNTIME)
                .doesNotContain(NEURON_DRIVER);
        assertThat(script.indexOf(NVIDIA_RUNTIME)).isLessThan(script.indexOf(RESTART_DOCKER));
    }

    @Test
    void neuron_hosts_build_and_load_the_neuron_driver_when_the_ami_lacks_it() {
        String script = userData("neuron");

        assertThat(script)
                .contains("if ! modinfo neuron >/dev/null 2>&1; then", NEURON_DRIVER, "dkms autoinstall")
                .contains("modprobe neuron")
                .doesNotContain("nvidia-ctk");
        assertThat(script.indexOf("modprobe neuron")).isLessThan(script.indexOf(START_HOST));
    }

    @Test
    void hosts_may_get_an_ecr_token_and_pull_from_the_accounts_repositories_in_the_region() {
        Map<String, Object> accountsRepositories = Map.of(
                "Fn::Join",
                List.of(
                        "",
                        List.of(
                                "arn:",
                                Map.of("Ref", "AWS::Partition"),
                                ":ecr:",
                                Map.of("Ref", "AWS::Region"),
                                ":",
                                Map.of("Ref", "AWS::AccountId"),
                                ":repository/*")));
        Object token =
                Match.objectLike(Map.of("Sid", "EcrToken", "Action", "ecr:GetAuthorizationToken", "Resource", "*"));
        Object pull = Match.objectLike(Map.of(
                "Sid",
                "EcrPull",
                "Action",
                List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"),
                "Resource",
                accountsRepositories));
        StowageStackTest.rolePolicyHas(template, "HostsRole.*", token, pull);
    }

    @Test
    void named_repositories_are_the_accounts_by_name_or_any_by_arn() {
        StowageSettings settings = new StowageSettings(
                "stowage",
                List.of(),
                8,
                StowageSettings.DEFAULT_COPY_QUOTA,
                Optional.empty(),
                1,
                List.of(),
                List.of("models/llm", "arn:aws:ecr:us-west-2:210987654321:repository/shared"),
                30,
                SynthesizedStack.SETTINGS.functionsJar(),
                SynthesizedStack.SETTINGS.hostJar());

        assertThat(HostFleet.ecrRepositories(settings))
                .containsExactly(
                        "arn:" + Aws.PARTITION + ":ecr:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":repository/models/llm",
                        "arn:aws:ecr:us-west-2:210987654321:repository/shared");
    }

    /** The user data of the {@code <deployment>-<kind>-hosts} launch template, tokens (the jar's bucket) as "?". */
    @SuppressWarnings("unchecked")
    private String userData(String kind) {
        Map<String, Map<String, Object>> templates = template.findResources(
                "AWS::EC2::LaunchTemplate",
                Map.of("Properties", Map.of("LaunchTemplateName", "stowage-" + kind + "-hosts")));
        assertThat(templates).hasSize(1);
        Map<String, Object> data = (Map<String, Object>)
                StowageStackTest.properties(templates.values().iterator().next())
                        .get("LaunchTemplateData");
        Map<String, Object> base64 = (Map<String, Object>) data.get("UserData");
        Object content = base64.get("Fn::Base64");
        if (content instanceof String text) {
            return text;
        }
        List<Object> join = (List<Object>) ((Map<String, Object>) content).get("Fn::Join");
        StringBuilder script = new StringBuilder();
        for (Object part : (List<Object>) join.get(1)) {
            script.append(part instanceof String text ? text : "?");
        }
        return script.toString();
    }
}
