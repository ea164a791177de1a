package dev.stowage.functions.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instance reconciler's launch settings, read from the environment the stack gives it. */
class Ec2FleetSettingsTest {
    private static final String TARGET_GROUP = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/0";

    private static Map<String, String> environment(String variable, String subnets) {
        Map<String, String> env = new HashMap<>(Map.of(
                "GPU_LAUNCH_TEMPLATE_ID", "lt-gpu",
                "NEURON_LAUNCH_TEMPLATE_ID", "lt-neuron",
                "RUNTIME_TARGET_GROUP_ARN", TARGET_GROUP,
                "MAX_INSTANCES", "10"));
        env.put(variable, subnets);
        return env;
    }

    @Test
    void host_subnets_come_with_their_zones_and_the_zones_are_those_placement_balances() {
        Ec2FleetSettings settings = Ec2FleetSettings.fromEnvironment(
                environment("HOST_SUBNETS", "subnet-b:us-east-1b, subnet-a:us-east-1a,subnet-c:us-east-1b"));

        assertThat(settings)
                .isEqualTo(new Ec2FleetSettings(
                        "lt-gpu",
                        "lt-neuron",
                        List.of(
                                new HostSubnet("subnet-b", "us-east-1b"),
                                new HostSubnet("subnet-a", "us-east-1a"),
                                new HostSubnet("subnet-c", "us-east-1b")),
                        TARGET_GROUP,
                        "stowage",
                        10));
        assertThat(settings.zones()).containsExactly("us-east-1a", "us-east-1b");
    }

    @Test
    void older_deployments_name_subnet_ids_only_and_their_zones_are_unknown() {
        Ec2FleetSettings settings =
                Ec2FleetSettings.fromEnvironment(environment("HOST_SUBNET_IDS", "subnet-a, subnet-b"));

        assertThat(settings.subnets()).containsExactly(new HostSubnet("subnet-a", ""), new HostSubnet("subnet-b", ""));
        assertThat(settings.zones()).isEmpty();
        assertThat(settings.subnetsFor("i-1", "")).containsExactlyInAnyOrder("subnet-a", "subnet-b");
    }

    @Test
    void host_subnets_win_over_subnet_ids() {
        Map<String, String> env = environment("HOST_SUBNETS", "subnet-a:us-east-1a");
        env.put("HOST_SUBNET_IDS", "subnet-old");

        assertThat(Ec2FleetSettings.fromEnvironment(env).subnets())
                .containsExactly(new HostSubnet("subnet-a", "us-east-1a"));
    }

    @Test
    void malformed_settings_are_refused_naming_the_variable_and_the_entry() {
        assertThatThrownBy(() -> Ec2FleetSettings.fromEnvironment(environment("HOST_SUBNETS", "subnet-a")))
                .hasMessage("HOST_SUBNETS entry \"subnet-a\" is not <subnet id>:<availability zone>, as in"
                        + " subnet-0abc:us-east-1a.");
        assertThatThrownBy(() -> Ec2FleetSettings.fromEnvironment(environment("HOST_SUBNETS", "subnet-a:")))
                .hasMessageStartingWith("HOST_SUBNETS entry \"subnet-a:\" is not");
        assertThatThrownBy(() -> Ec2FleetSettings.fromEnvironment(environment("HOST_SUBNETS", "subnet-a:a:b")))
                .hasMessageStartingWith("HOST_SUBNETS entry \"subnet-a:a:b\" is not");
        assertThatThrownBy(() -> Ec2FleetSettings.fromEnvironment(
                        environment("HOST_SUBNETS", "subnet-a:us-east-1a,subnet-a:us-east-1b")))
                .hasMessage("HOST_SUBNETS names subnet-a twice.");
        assertThatThrownBy(() -> Ec2FleetSettings.fromEnvironment(environment("HOST_SUBNETS", " , ")))
                .hasMessage("The environment variable HOST_SUBNETS is not set.");
        assertThatThrownBy(() -> Ec2FleetSettings.fromEnvironment(Map.of("MAX_INSTANCES", "1")))
                .hasMessage("The environment variable GPU_LAUNCH_TEMPLATE_ID is not set.");
        Map<String, String> notANumber = environment("HOST_SUBNETS", "subnet-a:us-east-1a");
        notANumber.put("MAX_INSTANCES", "ten");
        assertThatThrownBy(() -> Ec2FleetSettings.fromEnvironment(notANumber))
                .hasMessage("MAX_INSTANCES is not a whole number: ten");
    }

    @Test
    void the_placement_function_reads_only_the_zones_and_none_without_subnets() {
        assertThat(HostSubnet.zones(
                        HostSubnet.fromEnvironment(Map.of("HOST_SUBNETS", "s-1:us-east-1c,s-2:us-east-1a"))))
                .containsExactly("us-east-1a", "us-east-1c");
        assertThat(HostSubnet.zones(HostSubnet.fromEnvironment(Map.of()))).isEmpty();
    }
}
