package dev.stowage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;

/**
 * The hosts' ports are no open door (issue 13, ADR 23): the runtime port only from the load balancer's security group,
 * the peer port only from the hosts' own, the load balancer only through API Gateway's VPC link, and no address range
 * anywhere.
 */
class HostNetworkTest {
    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template;
    private final String hosts = logicalId(synthesized.stack.network().hosts());
    private final String front = logicalId(synthesized.stack.network().front());

    @Test
    void only_the_load_balancer_reaches_the_runtime_port() {
        template.hasResourceProperties(
                "AWS::EC2::SecurityGroupIngress",
                rule(HostNetwork.RUNTIME_PORT, hosts, "SourceSecurityGroupId", front));
        template.hasResourceProperties(
                "AWS::EC2::SecurityGroupEgress",
                rule(HostNetwork.RUNTIME_PORT, front, "DestinationSecurityGroupId", hosts));
    }

    @Test
    void only_the_deployments_hosts_reach_the_peer_port() {
        template.hasResourceProperties(
                "AWS::EC2::SecurityGroupIngress", rule(HostNetwork.PEER_PORT, hosts, "SourceSecurityGroupId", hosts));
    }

    @Test
    void the_hosts_let_in_those_two_rules_and_nothing_else() {
        assertThat(ingressInto(hosts))
                .extracting(rule -> Arrays.asList(rule.get("FromPort"), rule.get("SourceSecurityGroupId")))
                .containsExactlyInAnyOrder(
                        List.of(HostNetwork.RUNTIME_PORT, groupId(front)),
                        List.of(HostNetwork.PEER_PORT, groupId(hosts)));
    }

    @Test
    void the_load_balancer_takes_only_the_vpc_link_and_sends_only_to_the_hosts() {
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::LoadBalancer",
                Map.of(
                        "Type", "network",
                        "Scheme", "internal",
                        "SecurityGroups", List.of(groupId(front)),
                        "EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic", "off"));
        assertThat(ingressInto(front)).isEmpty();
        assertThat(template.findResources(
                        "AWS::EC2::SecurityGroupEgress", Map.of("Properties", Map.of("GroupId", groupId(front)))))
                .hasSize(1);
    }

    @Test
    void no_security_group_of_the_stack_lets_in_an_address_range() {
        List<Map<String, Object>> rules = new ArrayList<>();
        template.findResources("AWS::EC2::SecurityGroup").keySet().forEach(group -> rules.addAll(ingressInto(group)));

        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule)
                .doesNotContainKeys("CidrIp", "CidrIpv6", "SourcePrefixListId")
                .containsKey("SourceSecurityGroupId"));
    }

    /** Every ingress rule into the group {@code logicalId}: inline in the group, or a resource of its own naming it. */
    private List<Map<String, Object>> ingressInto(String logicalId) {
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Object> group =
                cast(cast(template.toJSON().get("Resources")).get(logicalId));
        if (StowageStackTest.properties(group).get("SecurityGroupIngress") instanceof List<?> inline) {
            inline.forEach(rule -> rules.add(cast(rule)));
        }
        template.findResources(
                        "AWS::EC2::SecurityGroupIngress", Map.of("Properties", Map.of("GroupId", groupId(logicalId))))
                .values()
                .forEach(rule -> rules.add(StowageStackTest.properties(rule)));
        return rules;
    }

    /** A TCP rule of the group {@code owner} on {@code port}, whose other end ({@code otherEnd}) is {@code other}. */
    private static Map<String, Object> rule(int port, String owner, String otherEnd, String other) {
        return Map.of(
                "IpProtocol",
                "tcp",
                "FromPort",
                port,
                "ToPort",
                port,
                "GroupId",
                groupId(owner),
                otherEnd,
                groupId(other));
    }

    private String logicalId(SecurityGroup group) {
        return synthesized.stack.getLogicalId((CfnElement) group.getNode().getDefaultChild());
    }

    /** How the template names the id of a group the stack makes. */
    private static Map<String, Object> groupId(String logicalId) {
        return Map.of("Fn::GetAtt", List.of(logicalId, "GroupId"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
