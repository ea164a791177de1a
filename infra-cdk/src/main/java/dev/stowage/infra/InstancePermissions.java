package dev.stowage.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What launching and terminating hosts takes, and no more: RunInstances only from the deployment's launch templates
 * and only with the deployment's tag on the instance and its volumes, tags only while launching, termination only
 * of instances carrying the deployment's tag, launches into capacity reservations only when they carry the
 * reservation tag, the target group of the runtime path, passing the host role to EC2, and reading the two public AMI
 * parameters the launch templates resolve.
 */
final class InstancePermissions {
    static final String TAG = "stowage-deployment";
    /** The tag mapping an EC2 capacity reservation to a variant's {@code MlReservationArn}. */
    static final String RESERVATION_TAG = "stowage-ml-reservation-arn";

    private InstancePermissions() {}

    static void grant(IRole role, String deployment, HostFleet hosts, HostNetwork network) {
        String ec2 = "arn:" + Aws.PARTITION + ":ec2:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":";
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("LaunchFromTemplates")
                .effect(Effect.ALLOW)
                .actions(List.of("ec2:RunInstances"))
                .resources(List.of(
                        ec2 + "launch-template/" + hosts.gpu().getLaunchTemplateId(),
                        ec2 + "launch-template/" + hosts.neuron().getLaunchTemplateId(),
                        ec2 + "subnet/*",
                        ec2 + "security-group/" + network.hosts().getSecurityGroupId(),
                        ec2 + "network-interface/*",
                        "arn:" + Aws.PARTITION + ":ec2:" + Aws.REGION + "::image/*"))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("LaunchTaggedInstances")
                .effect(Effect.ALLOW)
                .actions(List.of("ec2:RunInstances"))
                .resources(List.of(ec2 + "instance/*", ec2 + "volume/*"))
                .conditions(Map.of("StringEquals", Map.of("aws:RequestTag/" + TAG, deployment)))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("TagWhileLaunching")
                .effect(Effect.ALLOW)
                .actions(List.of("ec2:CreateTags"))
                .resources(List.of(ec2 + "instance/*", ec2 + "volume/*"))
                .conditions(Map.of("StringEquals", Map.of("ec2:CreateAction", "RunInstances")))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("TerminateOwnInstances")
                .effect(Effect.ALLOW)
                .actions(List.of("ec2:TerminateInstances"))
                .resources(List.of(ec2 + "instance/*"))
                .conditions(Map.of("StringEquals", Map.of("aws:ResourceTag/" + TAG, deployment)))
                .build());
        // A variant's CapacityReservationConfig launches into the EC2 capacity reservations the team tagged with its
        // MlReservationArn (ADR 27): only those may be targeted, and finding them has no resource-level permission.
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("LaunchIntoTaggedReservations")
                .effect(Effect.ALLOW)
                .actions(List.of("ec2:RunInstances"))
                .resources(List.of(ec2 + "capacity-reservation/*"))
                .conditions(Map.of("Null", Map.of("aws:ResourceTag/" + RESERVATION_TAG, "false")))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("FindReservations")
                .effect(Effect.ALLOW)
                .actions(List.of("ec2:DescribeCapacityReservations"))
                .resources(List.of("*"))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("FindInstances")
                .effect(Effect.ALLOW)
                .actions(List.of("ec2:DescribeInstances"))
                .resources(List.of("*"))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("RuntimeTargets")
                .effect(Effect.ALLOW)
                .actions(List.of("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"))
                .resources(List.of(network.targets().getTargetGroupArn()))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("PassHostRole")
                .effect(Effect.ALLOW)
                .actions(List.of("iam:PassRole"))
                .resources(List.of(hosts.role().getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ec2.amazonaws.com")))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("ResolveAmis")
                .effect(Effect.ALLOW)
                .actions(List.of("ssm:GetParameters", "ssm:GetParameter"))
                .resources(List.of(parameter(HostFleet.GPU_AMI_PARAMETER), parameter(HostFleet.NEURON_AMI_PARAMETER)))
                .build());
    }

    private static String parameter(String name) {
        return "arn:" + Aws.PARTITION + ":ssm:" + Aws.REGION + "::parameter" + name;
    }
}
