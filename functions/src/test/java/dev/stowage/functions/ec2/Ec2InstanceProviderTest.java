package dev.stowage.functions.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.domain.fleet.InsufficientCapacity;
import dev.stowage.domain.fleet.Launch;
import dev.stowage.functions.ec2.Ec2Responses.Described;
import dev.stowage.testing.aws.CannedResponse;
import dev.stowage.testing.aws.CapturedRequest;
import dev.stowage.testing.aws.CapturingAwsServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The EC2 instance provider, checked on the Query requests the real EC2 and ELB clients send. */
class Ec2InstanceProviderTest {
    private static final String FLEET = "fleet/ep/AllTraffic";
    private static final String TARGET_GROUP =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/stowage-runtime/0123456789abcdef";
    static final Ec2FleetSettings SETTINGS = new Ec2FleetSettings(
            "lt-gpu",
            "lt-neuron",
            List.of(
                    new HostSubnet("subnet-a", "us-east-1a"),
                    new HostSubnet("subnet-b", "us-east-1b"),
                    new HostSubnet("subnet-c", "us-east-1a")),
            TARGET_GROUP,
            "stowage",
            3);

    private final ScriptedEc2 aws = new ScriptedEc2();
    private final CapturingAwsServer server = aws.server;
    private final Ec2InstanceProvider provider = new Ec2InstanceProvider(aws.ec2, aws.elb, SETTINGS);

    @AfterEach
    void close() {
        aws.close();
    }

    private void script(Map<String, List<CannedResponse>> answers) {
        aws.script(answers);
    }

    @Test
    void launch_runs_one_tagged_instance_from_the_gpu_template_with_the_client_token() {
        script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), "")),
                "RunInstances", List.of(Ec2Responses.runInstances("i-0aaa"))));

        provider.launch(Launch.of(FLEET, "i-1", "ml.g5.xlarge", FLEET + "/i-1"));

        Map<String, String> run = server.requests("RunInstances").getFirst().form();
        assertThat(run)
                .containsEntry("LaunchTemplate.LaunchTemplateId", "lt-gpu")
                .containsEntry("InstanceType", "g5.xlarge")
                .containsEntry("SubnetId", SETTINGS.subnetsFor("i-1", "").getFirst())
                .containsEntry("MinCount", "1")
                .containsEntry("MaxCount", "1")
                .containsEntry("ClientToken", "fleet/ep/AllTraffic/i-1")
                .containsEntry("TagSpecification.1.ResourceType", "instance")
                .containsEntry("TagSpecification.2.ResourceType", "volume");
        for (int spec = 1; spec <= 2; spec++) {
            String prefix = "TagSpecification." + spec + ".Tag.";
            assertThat(tags(run, prefix))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "Name", "stowage/ep/AllTraffic/i-1",
                            "stowage-deployment", "stowage",
                            "stowage-fleet", FLEET,
                            "stowage-endpoint", "ep",
                            "stowage-variant", "AllTraffic",
                            "stowage-instance", "i-1"));
        }
        Map<String, String> find =
                server.requests("DescribeInstances").getFirst().form();
        assertThat(find)
                .containsEntry("Filter.1.Name", "tag:stowage-deployment")
                .containsEntry("Filter.1.Value.1", "stowage")
                .containsEntry("Filter.2.Name", "tag:stowage-fleet")
                .containsEntry("Filter.2.Value.1", FLEET)
                .containsEntry("Filter.3.Name", "tag:stowage-instance")
                .containsEntry("Filter.3.Value.1", "i-1")
                .containsEntry("Filter.4.Name", "instance-state-name")
                .containsEntry("Filter.4.Value.1", "pending")
                .containsEntry("Filter.4.Value.4", "stopped");
        assertThat(server.requests("RegisterTargets"))
                .as("a pending instance cannot be registered yet")
                .isEmpty();
    }

    @Test
    void inferentia_and_trainium_types_use_the_neuron_template() {
        script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), "")),
                "RunInstances", List.of(Ec2Responses.runInstances("i-0aaa"))));

        provider.launch(Launch.of(FLEET, "i-1", "ml.inf2.xlarge", "t1"));
        provider.launch(Launch.of(FLEET, "i-2", "ml.trn1.2xlarge", "t2"));

        assertThat(server.requests("RunInstances"))
                .extracting(r -> r.form().get("LaunchTemplate.LaunchTemplateId"))
                .containsExactly("lt-neuron", "lt-neuron");
    }

    @Test
    void a_repeated_launch_of_a_running_instance_starts_nothing_and_registers_it() {
        script(Map.of(
                "DescribeInstances",
                List.of(Ec2Responses.describe(List.of(new Described("i-0aaa", "running", "i-1")), ""))));

        provider.launch(Launch.of(FLEET, "i-1", "ml.g5.xlarge", FLEET + "/i-1"));

        assertThat(server.requests("RunInstances")).isEmpty();
        assertThat(server.requests("RegisterTargets").getFirst().form())
                .containsEntry("TargetGroupArn", TARGET_GROUP)
                .containsEntry("Targets.member.1.Id", "i-0aaa")
                .containsEntry("Targets.member.1.Port", "8080");
    }

    @Test
    void no_capacity_in_one_zone_tries_the_next_subnet_with_the_same_token() {
        script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), "")),
                "RunInstances",
                        List.of(
                                Ec2Responses.ec2Error(500, "InsufficientInstanceCapacity"),
                                Ec2Responses.runInstances("i-0bbb"))));

        provider.launch(Launch.of(FLEET, "i-1", "ml.g5.xlarge", "token-1"));

        List<CapturedRequest> runs = server.requests("RunInstances");
        assertThat(runs)
                .extracting(r -> r.form().get("SubnetId"))
                .containsExactlyElementsOf(SETTINGS.subnetsFor("i-1", "").subList(0, 2));
        assertThat(runs).extracting(r -> r.form().get("ClientToken")).containsOnly("token-1");
    }

    @Test
    void when_every_subnet_refuses_for_capacity_the_launch_fails_for_capacity() {
        script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), "")),
                "RunInstances", List.of(Ec2Responses.ec2Error(500, "InsufficientInstanceCapacity"))));

        assertThatThrownBy(() -> provider.launch(Launch.of(FLEET, "i-1", "ml.g5.xlarge", "token-1")))
                .isInstanceOf(InsufficientCapacity.class)
                .hasMessageStartingWith("InsufficientInstanceCapacity: ")
                .hasMessageContaining("every subnet refused it")
                .hasMessageContaining("subnet-a: InsufficientInstanceCapacity");
        assertThat(server.requests("RunInstances")).hasSize(3);
    }

    @Test
    void an_account_limit_is_not_retried_in_other_subnets() {
        script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), "")),
                "RunInstances", List.of(Ec2Responses.ec2Error(400, "VcpuLimitExceeded"))));

        assertThatThrownBy(() -> provider.launch(Launch.of(FLEET, "i-1", "ml.g5.xlarge", "token-1")))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessageContaining("VcpuLimitExceeded");
        assertThat(server.requests("RunInstances")).hasSize(1);
    }

    @Test
    void a_token_already_used_means_the_instance_was_launched() {
        script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), "")),
                "RunInstances", List.of(Ec2Responses.ec2Error(400, "IdempotentParameterMismatch"))));

        provider.launch(Launch.of(FLEET, "i-1", "ml.g5.xlarge", "token-1"));

        assertThat(server.requests("RunInstances")).hasSize(1);
    }

    @Test
    void launches_beyond_max_instances_are_refused() {
        List<Described> three = List.of(
                new Described("i-0a", "running", "i-7"),
                new Described("i-0b", "running", "i-8"),
                new Described("i-0c", "pending", "i-9"));
        script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), ""), Ec2Responses.describe(three, ""))));

        assertThatThrownBy(() -> provider.launch(Launch.of(FLEET, "i-1", "ml.g5.xlarge", "token-1")))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessageContaining("MAX_INSTANCES is 3");
        assertThat(server.requests("RunInstances")).isEmpty();
        assertThat(server.requests("DescribeInstances").get(1).form())
                .containsEntry("Filter.1.Name", "tag:stowage-deployment")
                .doesNotContainKey("Filter.3.Name");
    }

    @Test
    void terminate_deregisters_then_terminates_and_a_gone_instance_is_nothing() {
        script(Map.of(
                "DescribeInstances",
                        List.of(
                                Ec2Responses.describe(List.of(new Described("i-0aaa", "running", "i-1")), ""),
                                Ec2Responses.describe(List.of(), "")),
                "TerminateInstances", List.of(Ec2Responses.terminateInstances("i-0aaa"))));

        provider.terminate(FLEET, "i-1");
        provider.terminate(FLEET, "i-1");

        assertThat(server.requests())
                .extracting(CapturedRequest::operation)
                .containsExactly("DescribeInstances", "DeregisterTargets", "TerminateInstances", "DescribeInstances");
        assertThat(server.requests("DeregisterTargets").getFirst().form())
                .containsEntry("Targets.member.1.Id", "i-0aaa")
                .containsEntry("Targets.member.1.Port", "8080");
        assertThat(server.requests("TerminateInstances").getFirst().form()).containsEntry("InstanceId.1", "i-0aaa");
    }

    @Test
    void launched_reads_every_page_and_registers_the_running_instances() {
        script(Map.of(
                "DescribeInstances",
                List.of(
                        Ec2Responses.describe(List.of(new Described("i-0a", "running", "i-1")), "page-2"),
                        Ec2Responses.describe(List.of(new Described("i-0b", "pending", "i-2")), ""))));

        assertThat(provider.launched(FLEET)).containsExactlyInAnyOrder("i-1", "i-2");

        assertThat(server.requests("DescribeInstances").get(1).form()).containsEntry("NextToken", "page-2");
        assertThat(server.requests("RegisterTargets").getFirst().form())
                .containsEntry("Targets.member.1.Id", "i-0a")
                .doesNotContainKey("Targets.member.2.Id");
    }

    @Test
    void an_instance_asked_in_a_zone_is_launched_in_that_zones_subnets_only() {
        script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), "")),
                "RunInstances",
                        List.of(
                                Ec2Responses.ec2Error(500, "InsufficientInstanceCapacity"),
                                Ec2Responses.runInstances("i-0bbb"))));

        provider.launch(inZone("i-1", "us-east-1a"));

        assertThat(server.requests("RunInstances"))
                .extracting(r -> r.form().get("SubnetId"))
                .containsExactlyElementsOf(SETTINGS.subnetsFor("i-1", "us-east-1a"))
                .containsExactlyInAnyOrder("subnet-a", "subnet-c");
        assertThat(SETTINGS.subnetsFor("i-1", "us-east-1b")).containsExactly("subnet-b");
    }

    @Test
    void an_instance_of_no_particular_zone_may_go_to_any_subnet() {
        script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), "")),
                "RunInstances", List.of(Ec2Responses.ec2Error(500, "InsufficientInstanceCapacity"))));

        assertThatThrownBy(() -> provider.launch(inZone("i-1", "")));

        assertThat(server.requests("RunInstances"))
                .extracting(r -> r.form().get("SubnetId"))
                .containsExactlyInAnyOrder("subnet-a", "subnet-b", "subnet-c");
    }

    @Test
    void when_the_zones_subnets_all_refuse_for_capacity_the_launch_fails_for_capacity_naming_the_zone() {
        script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), "")),
                "RunInstances", List.of(Ec2Responses.ec2Error(500, "InsufficientInstanceCapacity"))));

        assertThatThrownBy(() -> provider.launch(inZone("i-1", "us-east-1b")))
                .isInstanceOf(InsufficientCapacity.class)
                .hasMessage("InsufficientInstanceCapacity: Instance i-1 (ml.g5.xlarge) was not launched in us-east-1b,"
                        + " the zone placement asked for (another zone would upset its zone balance); every subnet"
                        + " there refused it: subnet-b: InsufficientInstanceCapacity.");
        assertThat(server.requests("RunInstances"))
                .as("never another zone")
                .extracting(r -> r.form().get("SubnetId"))
                .containsExactly("subnet-b");
    }

    @Test
    void a_zone_with_no_host_subnet_is_a_launch_failure_not_a_shortage() {
        script(Map.of("DescribeInstances", List.of(Ec2Responses.describe(List.of(), ""))));

        assertThatThrownBy(() -> provider.launch(inZone("i-1", "us-east-1f")))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessageContaining("no host subnet is in us-east-1f")
                .hasMessageContaining("[us-east-1a, us-east-1b]");
        assertThat(server.requests("RunInstances")).isEmpty();
    }

    @Test
    void a_token_longer_than_ec2_takes_is_hashed_to_64_characters() {
        String longToken = "fleet/" + "e".repeat(63) + "/" + "v".repeat(63) + "/i-1";

        assertThat(Ec2InstanceProvider.ec2Token("fleet/ep/AllTraffic/i-1")).isEqualTo("fleet/ep/AllTraffic/i-1");
        assertThat(Ec2InstanceProvider.ec2Token(longToken))
                .hasSize(64)
                .isEqualTo(Ec2InstanceProvider.ec2Token(longToken))
                .isNotEqualTo(Ec2InstanceProvider.ec2Token(longToken + "2"));
    }

    private static Launch inZone(String instanceId, String zone) {
        return new Launch(FLEET, instanceId, "ml.g5.xlarge", zone, "token-" + instanceId, Optional.empty());
    }

    private static Map<String, String> tags(Map<String, String> form, String prefix) {
        Map<String, String> tags = new HashMap<>();
        for (int n = 1; form.containsKey(prefix + n + ".Key"); n++) {
            tags.put(form.get(prefix + n + ".Key"), form.get(prefix + n + ".Value"));
        }
        return tags;
    }
}
