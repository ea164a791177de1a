package dev.stowage.functions.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import dev.stowage.domain.fleet.Launch;
import dev.stowage.functions.cloudwatch.CloudWatchAlarmService;
import dev.stowage.functions.cloudwatch.CloudWatchDashboards;
import dev.stowage.testing.AlarmFixtures;
import dev.stowage.testing.aws.LocalStackClients;
import dev.stowage.testing.aws.LocalStackImage;
import dev.stowage.testing.aws.WithLocalStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The functions' AWS adapters against LocalStack: instances launched, found again by tag and terminated; an alarm put
 * and read back. Skipped where LocalStack's image is not in a local Docker Engine.
 */
@WithLocalStack
@Testcontainers(disabledWithoutDocker = true)
class AwsAdaptersLocalStackTest {
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(LocalStackImage.name());

    private static <B extends AwsClientBuilder<B, ?>> B local(B builder) {
        return LocalStackClients.configure(LOCALSTACK, builder);
    }

    @Test
    void instances_are_launched_found_by_their_tags_and_terminated() {
        try (Ec2Client ec2 = local(Ec2Client.builder()).build();
                ElasticLoadBalancingV2Client elb =
                        local(ElasticLoadBalancingV2Client.builder()).build()) {
            String vpc = ec2.describeVpcs().vpcs().getFirst().vpcId();
            String subnet = ec2.describeSubnets().subnets().getFirst().subnetId();
            String template = ec2.createLaunchTemplate(b ->
                            b.launchTemplateName("stowage-gpu").launchTemplateData(d -> d.imageId("ami-df5de72bdb3b")))
                    .launchTemplate()
                    .launchTemplateId();
            String targetGroup = elb.createTargetGroup(b -> b.name("stowage-runtime")
                            .protocol("HTTP")
                            .port(8080)
                            .vpcId(vpc)
                            .targetType("instance"))
                    .targetGroups()
                    .getFirst()
                    .targetGroupArn();
            Ec2InstanceProvider provider = new Ec2InstanceProvider(
                    ec2,
                    elb,
                    new Ec2FleetSettings(
                            template, template, List.of(new HostSubnet(subnet, "")), targetGroup, "stowage", 5));

            provider.launch(Launch.of("fleet/ep/AllTraffic", "i-1", "ml.g5.xlarge", "fleet/ep/AllTraffic/i-1"));
            provider.launch(Launch.of("fleet/ep/AllTraffic", "i-1", "ml.g5.xlarge", "fleet/ep/AllTraffic/i-1"));

            assertThat(provider.launched("fleet/ep/AllTraffic")).containsExactly("i-1");
            provider.terminate("fleet/ep/AllTraffic", "i-1");
            assertThat(provider.launched("fleet/ep/AllTraffic")).isEmpty();
        }
    }

    @Test
    void an_alarm_reads_back_as_it_was_put() {
        try (CloudWatchClient cloudWatch = local(CloudWatchClient.builder()).build()) {
            CloudWatchAlarmService alarms = new CloudWatchAlarmService(cloudWatch);
            AlarmDefinition alarm = AlarmFixtures.highInvocations(
                    "TargetTracking-inference-component/ic-AlarmHigh-1", 60, TreatMissingData.missing);

            alarms.put(alarm);

            assertThat(alarms.list("TargetTracking-")).containsExactly(alarm);
        }
    }

    @Test
    void a_dashboard_is_put_read_back_and_deleted() {
        try (CloudWatchClient cloudWatch = local(CloudWatchClient.builder()).build()) {
            CloudWatchDashboards dashboards = new CloudWatchDashboards(cloudWatch);
            String body = "{\"widgets\":[{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":24,\"height\":1,"
                    + "\"properties\":{\"markdown\":\"# travel\"}}]}";

            assertThat(dashboards.put("stowage-travel", body)).isEmpty();
            assertThat(cloudWatch
                            .getDashboard(b -> b.dashboardName("stowage-travel"))
                            .dashboardBody())
                    .contains("# travel");

            dashboards.delete(List.of("stowage-travel", "stowage-never-made"));
            assertThat(cloudWatch.listDashboards().dashboardEntries()).isEmpty();
        }
    }
}
