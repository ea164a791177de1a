package dev.stowage.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.List;
import software.constructs.IConstruct;

/**
 * The written reason for every cdk-nag AwsSolutions finding the stack keeps, each on the constructs it concerns (a
 * wildcard is accepted only where it is named, with why).
 */
final class NagReasons {
    private static final String VIEWS_INDEX = "/^Resource::<TablesViews[A-Za-z0-9]+\\.Arn>\\/index\\/\\*$/g";

    private NagReasons() {}

    static void apply(StowageStack stack) {
        NagSuppressions.addStackSuppressions(
                stack,
                List.of(reason(
                        "AwsSolutions-L1",
                        "The functions are compiled for Java 21 (the project's release) and use SnapStart;"
                                + " moving to a newer Java runtime is a deliberate upgrade, not a drift.")),
                true);
        controlApi(stack.api());
        network(stack.network());
        frontToken(stack.frontToken());
        hosts(stack.hosts());
        functions(stack);
    }

    private static void controlApi(ControlApi api) {
        suppress(
                api,
                reason(
                        "AwsSolutions-COG4",
                        "Every method is IAM-authorized: the AWS SDKs and CLI sign with SigV4, which a Cognito"
                                + " user pool authorizer would refuse."),
                reason(
                        "AwsSolutions-APIG2",
                        "The API function validates every body against the service's own model (member, constraint"
                                + " and message, as SageMaker does), which API Gateway models cannot express; the"
                                + " runtime method validates its path parameter."),
                reason(
                        "AwsSolutions-APIG3",
                        "Unsigned requests are refused by IAM authorization before any integration runs; a web ACL"
                                + " costs money at rest, so a team that wants WAF associates its own with the stage."),
                reason(
                        "AwsSolutions-IAM4",
                        "AmazonAPIGatewayPushToCloudWatchLogs is the policy API Gateway's account-level logging role"
                                + " needs; it writes only API Gateway's own execution logs.",
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));
    }

    private static void network(HostNetwork network) {
        suppress(
                network.loadBalancer(),
                reason(
                        "AwsSolutions-ELB2",
                        "Network load balancers write access logs only for TLS listeners; every runtime request is"
                                + " logged in API Gateway's access log before it reaches the load balancer."));
    }

    private static void frontToken(FrontToken token) {
        suppress(
                token.secret(),
                reason(
                        "AwsSolutions-SMG4",
                        "CloudFormation resolves the token into the runtime integration and the API function only"
                                + " when it deploys them: a rotation by Secrets Manager would change the secret behind"
                                + " both, until a later deployment updates one and not the other and the hosts refuse"
                                + " every invocation. So it is not rotated on a schedule; it adds to IAM authorization and"
                                + " the security groups, it does not replace them (ADR 23)."));
    }

    private static void hosts(HostFleet hosts) {
        suppress(
                hosts.role(),
                reason(
                        "AwsSolutions-IAM5",
                        "Neither action has a resource type: cloudwatch:PutMetricData is limited by the"
                                + " cloudwatch:namespace condition to Stowage's own namespaces; ecr:GetAuthorizationToken"
                                + " has no resource-level permission, and its token only lets Docker present the role to"
                                + " ECR: what may be pulled is held by the EcrPull statement on repositories.",
                        "Resource::*"),
                reason(
                        "AwsSolutions-IAM5",
                        "Images are wherever the team keeps them (a component's Image): pulls are limited to the"
                                + " deployment's account and region, or to the repositories named in"
                                + " stowage:ecrRepositories, and to the three read actions a pull makes.",
                        regex("/^Resource::arn:<AWS::Partition>:ecr:.*:repository\\/.*$/g")),
                reason(
                        "AwsSolutions-IAM5",
                        "Copy logs go to one log group per inference component, named after it, under the"
                                + " deployment's prefix; the host creates them as components arrive.",
                        regex("/^Resource::arn:<AWS::Partition>:logs:.*:log-group:\\/stowage\\/.*$/g")),
                reason(
                        "AwsSolutions-IAM5",
                        "Model artifacts are wherever the team keeps them (ModelDataUrl); reads are limited to"
                                + " buckets of the deployment's own account (s3:ResourceAccount), or to the buckets"
                                + " named in stowage:artifactBuckets.",
                        regex("/^Resource::arn:<AWS::Partition>:s3:::.*$/g")),
                reason(
                        "AwsSolutions-IAM5",
                        "Reading the host jar from the CDK asset bucket, as the asset's own grant writes it.",
                        "Action::s3:GetObject*",
                        "Action::s3:GetBucket*",
                        "Action::s3:List*",
                        regex("/^Resource::arn:<AWS::Partition>:s3:::cdk-.*-assets-.*\\/\\*$/g")));
    }

    private static void functions(StowageStack stack) {
        List<IConstruct> everyFunction = new ArrayList<>();
        everyFunction.add(stack.apiFunction());
        everyFunction.addAll(stack.functions().all());
        for (IConstruct function : everyFunction) {
            suppress(
                    function,
                    reason(
                            "AwsSolutions-IAM5",
                            "Lists inference components and other views through the views table's kind-index; the"
                                    + " table grant covers its indexes.",
                            regex(VIEWS_INDEX)),
                    reason(
                            "AwsSolutions-IAM5",
                            "No resource-level permission exists for these actions: dynamodb:ListStreams (stream"
                                    + " consumers), ec2:DescribeInstances (finding the deployment's instances by"
                                    + " tag), ec2:DescribeCapacityReservations (finding the reservations tagged for a"
                                    + " variant's MlReservationArn).",
                            "Resource::*"),
                    reason(
                            "AwsSolutions-IAM5",
                            "Application Auto Scaling names target-tracking alarms after a generated id, and"
                                    + " step-scaling alarms are the team's own; the functions read or manage the alarm"
                                    + " that triggers or belongs to a policy.",
                            regex(
                                    "/^Resource::arn:<AWS::Partition>:cloudwatch:<AWS::Region>:<AWS::AccountId>:alarm:.*$/g")),
                    reason(
                            "AwsSolutions-IAM5",
                            "One dashboard per endpoint, named after it with the deployment's prefix.",
                            regex("/^Resource::arn:<AWS::Partition>:cloudwatch::<AWS::AccountId>:dashboard\\/.*$/g")),
                    reason(
                            "AwsSolutions-IAM5",
                            "RunInstances creates instances, volumes and network interfaces whose ids do not exist"
                                    + " yet, in the deployment's subnets from public AMIs; each statement is held by a"
                                    + " condition (the deployment's launch templates, its tag on request, tagging only"
                                    + " while launching, terminating only what carries its tag, launching into a"
                                    + " capacity reservation only when it carries the reservation tag).",
                            regex("/^Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:(<AWS::AccountId>)?:"
                                    + "(subnet|network-interface|image|instance|volume|capacity-reservation)"
                                    + "\\/\\*$/g")));
        }
        for (StreamConsumer consumer : stack.functions().consumers()) {
            suppress(consumer.deadLetters(), deadLetterQueue());
        }
        suppress(stack.functions().triggers().deadLetters(), deadLetterQueue());
    }

    private static NagPackSuppression deadLetterQueue() {
        return reason("AwsSolutions-SQS3", "This queue is itself a dead-letter destination.");
    }

    private static void suppress(IConstruct construct, NagPackSuppression... reasons) {
        NagSuppressions.addResourceSuppressions(construct, List.of(reasons), true);
    }

    private static NagPackSuppression reason(String id, String reason, Object... appliesTo) {
        NagPackSuppression.Builder builder = NagPackSuppression.builder().id(id).reason(reason);
        if (appliesTo.length > 0) {
            builder.appliesTo(List.of(appliesTo));
        }
        return builder.build();
    }

    private static RegexAppliesTo regex(String regex) {
        return RegexAppliesTo.builder().regex(regex).build();
    }
}
