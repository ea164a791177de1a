package dev.stowage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.functions.dynamodb.DynamoDbKeyRingStore;
import dev.stowage.functions.dynamodb.EventsTable;
import dev.stowage.functions.dynamodb.ViewsTable;
import dev.stowage.host.trust.InvocationGate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class StowageStackTest {
    private final Template template = SynthesizedStack.get().template;

    @Test
    void the_events_table_streams_new_images_and_keeps_its_history() {
        template.hasResource(
                "AWS::DynamoDB::Table",
                Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "Properties",
                        Map.of(
                                "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", EventsTable.STREAM, "KeyType", "HASH"),
                                                Map.of("AttributeName", EventsTable.VERSION, "KeyType", "RANGE")),
                                "StreamSpecification", Map.of("StreamViewType", "NEW_IMAGE"),
                                "BillingMode", "PAY_PER_REQUEST",
                                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))));
    }

    @Test
    void the_views_table_has_the_kind_index_and_expires_liveness_rows() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "KeySchema", List.of(Map.of("AttributeName", ViewsTable.ID, "KeyType", "HASH")),
                        "TimeToLiveSpecification", Map.of("AttributeName", ViewsTable.EXPIRES_AT, "Enabled", true),
                        "GlobalSecondaryIndexes",
                                List.of(Map.of(
                                        "IndexName", EventTables.VIEWS_KIND_INDEX,
                                        "KeySchema",
                                                List.of(
                                                        Map.of("AttributeName", ViewsTable.KIND, "KeyType", "HASH"),
                                                        Map.of("AttributeName", ViewsTable.ID, "KeyType", "RANGE")),
                                        "Projection", Map.of("ProjectionType", "ALL"))),
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
    }

    @Test
    void every_handler_runs_on_java_21_with_snapstart() {
        for (String handler : Handlers.functions()) {
            template.hasResourceProperties(
                    "AWS::Lambda::Function",
                    Map.of(
                            "Handler",
                            handler + "::handleRequest",
                            "Runtime",
                            "java21",
                            "SnapStart",
                            Map.of("ApplyOn", "PublishedVersions")));
        }
        template.resourceCountIs("AWS::Lambda::Function", Handlers.functions().size());
    }

    @Test
    void four_stream_consumers_report_partial_batches_bisect_and_give_up_into_their_own_queue() {
        Map<String, Map<String, Object>> mappings = template.findResources(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "Properties",
                        Map.of(
                                "FunctionResponseTypes",
                                List.of("ReportBatchItemFailures"),
                                "BisectBatchOnFunctionError",
                                true,
                                "MaximumRetryAttempts",
                                StreamConsumer.RETRY_ATTEMPTS,
                                "MaximumRecordAgeInSeconds",
                                6 * 3600,
                                "StartingPosition",
                                "TRIM_HORIZON",
                                "DestinationConfig",
                                Map.of("OnFailure", Map.of("Destination", Match.anyValue())))));
        assertThat(mappings).hasSize(4);
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 4);
    }

    @Test
    void the_scaling_function_hears_every_alarm_entering_alarm() {
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Map.of(
                        "EventPattern",
                        Map.of(
                                "source", List.of("aws.cloudwatch"),
                                "detail-type", List.of("CloudWatch Alarm State Change"),
                                "detail", Map.of("state", Map.of("value", List.of("ALARM")))),
                        "Targets",
                        List.of(Match.objectLike(Map.of("Arn", Match.anyValue())))));
        Map<String, Map<String, Object>> tick = template.findResources(
                "AWS::Events::Rule", Map.of("Properties", Map.of("ScheduleExpression", "rate(1 minute)")));
        assertThat(tick.values()).singleElement().satisfies(rule -> assertThat(
                        (List<?>) properties(rule).get("Targets"))
                .hasSize(2));
    }

    @Test
    void every_api_method_requires_iam_signatures() {
        Map<String, Map<String, Object>> methods = template.findResources("AWS::ApiGateway::Method");
        assertThat(methods).hasSize(3);
        assertThat(methods.values())
                .allSatisfy(method -> assertThat(properties(method)).containsEntry("AuthorizationType", "AWS_IAM"));
    }

    @Test
    void the_runtime_path_streams_through_the_vpc_link_to_the_hosts() {
        template.hasResourceProperties(
                "AWS::ApiGateway::Method",
                Map.of(
                        "HttpMethod",
                        "POST",
                        "Integration",
                        Match.objectLike(Map.of(
                                "Type", "HTTP_PROXY",
                                "ConnectionType", "VPC_LINK",
                                "ResponseTransferMode", "STREAM",
                                "RequestParameters",
                                        Match.objectLike(Map.of(
                                                "integration.request.path.proxy", "method.request.path.proxy"))))));
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("Scheme", "internal", "Type", "network"));
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::TargetGroup",
                Map.of("Port", HostNetwork.RUNTIME_PORT, "TargetType", "instance", "Protocol", "TCP"));
    }

    @Test
    void the_runtime_integration_sends_the_front_token_which_only_the_api_function_also_gets() {
        StowageStack stack = SynthesizedStack.get().stack;
        String token = stack.frontToken().value();
        assertThat(FrontToken.HEADER).isEqualTo(InvocationGate.FRONT_TOKEN_HEADER);
        assertThat(LambdaEnvironment.FRONT_TOKEN).isEqualTo("STOWAGE_FRONT_TOKEN");
        template.hasResourceProperties(
                "AWS::ApiGateway::Method",
                Map.of(
                        "Integration",
                        Match.objectLike(Map.of(
                                "Type",
                                "HTTP_PROXY",
                                "RequestParameters",
                                Match.objectLike(Map.of(
                                        "integration.request.header." + FrontToken.HEADER,
                                        stack.resolve("'" + token + "'")))))));
        Map<String, Map<String, Object>> holders = template.findResources(
                "AWS::Lambda::Function",
                Map.of(
                        "Properties",
                        Map.of(
                                "Environment",
                                Map.of(
                                        "Variables",
                                        Match.objectLike(
                                                Map.of(LambdaEnvironment.FRONT_TOKEN, stack.resolve(token)))))));
        assertThat(holders.values()).singleElement().satisfies(function -> assertThat(
                        properties(function).get("Handler"))
                .isEqualTo(Handlers.API + "::handleRequest"));
        template.resourceCountIs("AWS::SecretsManager::Secret", 1);
    }

    @Test
    void only_the_api_function_may_touch_the_host_key_ring_row() {
        assertThat(EventTables.VIEWS_HOST_KEYS_ROW).isEqualTo(DynamoDbKeyRingStore.ID);
        Object denied = Match.objectLike(Map.of(
                "Sid",
                "NoHostKeys",
                "Effect",
                "Deny",
                "Action",
                HostKeysRow.ITEM_ACTIONS,
                "Condition",
                Map.of(
                        "ForAnyValue:StringEquals",
                        Map.of("dynamodb:LeadingKeys", List.of(EventTables.VIEWS_HOST_KEYS_ROW)))));
        Object noScans = Match.objectLike(Map.of("Sid", "NoViewScans", "Effect", "Deny", "Action", "dynamodb:Scan"));
        for (String role : List.of(
                "FunctionsViewProjectorRole.*",
                "FunctionsPlacementRole.*",
                "FunctionsInstancesRole.*",
                "FunctionsDashboardsRole.*",
                "FunctionsScalingRole.*",
                "FunctionsFleetTickRole.*",
                "FunctionsStillInAlarmRole.*")) {
            rolePolicyHas(template, role, denied, noScans);
        }
        assertThat(template.findResources(
                        "AWS::IAM::Policy",
                        Map.of(
                                "Properties",
                                Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(denied)))))))
                .hasSize(7);
    }

    @Test
    void launch_templates_require_imdsv2_with_hop_limit_1_and_resolve_public_amis_at_launch() {
        for (String parameter : List.of(HostFleet.GPU_AMI_PARAMETER, HostFleet.NEURON_AMI_PARAMETER)) {
            template.hasResourceProperties(
                    "AWS::EC2::LaunchTemplate",
                    Map.of(
                            "LaunchTemplateData",
                            Match.objectLike(Map.of(
                                    "ImageId", "resolve:ssm:" + parameter,
                                    "MetadataOptions",
                                            Map.of(
                                                    "HttpTokens", "required",
                                                    "HttpPutResponseHopLimit", 1,
                                                    "InstanceMetadataTags", "enabled"),
                                    "BlockDeviceMappings",
                                            List.of(Match.objectLike(
                                                    Map.of("Ebs", Match.objectLike(Map.of("Encrypted", true)))))))));
        }
    }

    @Test
    void hosts_may_publish_metrics_only_to_stowage_namespaces_and_call_only_the_host_method() {
        rolePolicyHas(
                template,
                "HostsRole.*",
                Match.objectLike(Map.of(
                        "Sid", "Metrics",
                        "Action", "cloudwatch:PutMetricData",
                        "Condition", Map.of("StringLike", Map.of("cloudwatch:namespace", "Stowage/*")))),
                Match.objectLike(Map.of(
                        "Sid", "ControlPlane",
                        "Action", "execute-api:Invoke",
                        "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of("/prod/POST/host")))))));
    }

    @Test
    void launchers_run_instances_only_with_the_deployment_tag_and_terminate_only_what_carries_it() {
        Map<String, String> conditions = Map.of(
                "LaunchTaggedInstances", "aws:RequestTag/stowage-deployment",
                "TerminateOwnInstances", "aws:ResourceTag/stowage-deployment");
        conditions.forEach((sid, key) -> template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Sid", sid, "Condition", Map.of("StringEquals", Map.of(key, "stowage"))))))))));
    }

    @Test
    void placement_and_the_launchers_know_each_host_subnet_with_its_zone() {
        Map<String, Map<String, Object>> functions = template.findResources(
                "AWS::Lambda::Function",
                Map.of(
                        "Properties",
                        Map.of(
                                "Environment",
                                Map.of(
                                        "Variables",
                                        Match.objectLike(Map.of(LambdaEnvironment.HOST_SUBNETS, Match.anyValue()))))));

        assertThat(functions.values())
                .extracting(function -> properties(function).get("Handler"))
                .containsExactlyInAnyOrder(
                        Handlers.PLACEMENT + "::handleRequest",
                        Handlers.INSTANCES + "::handleRequest",
                        Handlers.FLEET_TICK + "::handleRequest");
        for (Map<String, Object> function : functions.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = (Map<String, Object>)
                    ((Map<String, Object>) properties(function).get("Environment")).get("Variables");
            assertThat(variables).doesNotContainKey("HOST_SUBNET_IDS");
            // subnet:zone for each host subnet, the zones those the stack's VPC picked (Fn::GetAZs).
            assertThat(variables.get(LambdaEnvironment.HOST_SUBNETS).toString())
                    .matches("\\{Fn::Join=\\[, \\[\\{Ref=NetworkVpchostsSubnet1\\w+}, :, \\{Fn::Select=\\[0,"
                            + " \\{Fn::GetAZs=}]}, ,, \\{Ref=NetworkVpchostsSubnet2\\w+}, :, \\{Fn::Select=\\[1,"
                            + " \\{Fn::GetAZs=}]}]]}");
        }
    }

    @Test
    void launchers_find_capacity_reservations_and_launch_only_into_those_tagged_for_a_variant() {
        for (String role : List.of("FunctionsInstancesRole.*", "FunctionsFleetTickRole.*")) {
            rolePolicyHas(
                    template,
                    role,
                    Match.objectLike(Map.of(
                            "Sid",
                            "LaunchIntoTaggedReservations",
                            "Action",
                            "ec2:RunInstances",
                            "Resource",
                            Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":capacity-reservation/*")))),
                            "Condition",
                            Map.of("Null", Map.of("aws:ResourceTag/stowage-ml-reservation-arn", "false")))),
                    Match.objectLike(Map.of(
                            "Sid", "FindReservations",
                            "Action", "ec2:DescribeCapacityReservations",
                            "Resource", "*")));
        }
    }

    @Test
    void the_api_function_may_put_and_delete_only_target_tracking_alarms() {
        rolePolicyHas(
                template,
                "ApiFunctionRole.*",
                Match.objectLike(Map.of(
                        "Sid", "ManageTargetTrackingAlarms",
                        "Action", List.of("cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms"),
                        "Resource",
                                Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":alarm:TargetTracking-*")))))));
    }

    @Test
    void placement_reads_the_alarms_that_roll_updates_back() {
        for (String role : List.of("FunctionsPlacementRole.*", "FunctionsFleetTickRole.*")) {
            rolePolicyHas(
                    template, role, Match.objectLike(Map.of("Sid", "Alarms", "Action", "cloudwatch:DescribeAlarms")));
        }
    }

    @Test
    void the_deployment_has_an_operations_dashboard_of_its_own_figures() {
        Map<String, Map<String, Object>> dashboards = template.findResources("AWS::CloudWatch::Dashboard");

        assertThat(dashboards).hasSize(1);
        Map<String, Object> dashboard =
                properties(dashboards.values().iterator().next());
        assertThat(dashboard.get("DashboardName")).isEqualTo("stowage_operations");
        assertThat(dashboard.get("DashboardBody").toString())
                .contains("SEARCH('{Stowage/Functions,Function,Operation} Function=\\\"api\\\" MetricName=\\\"Latency")
                .contains("\"Stowage/Functions\",\"FailedBatches\",\"Function\",\"view-projector\"")
                .contains("ApproximateNumberOfMessagesVisible")
                .contains("\"Throttles\"");
    }

    /** The default policy of the role whose logical id matches {@code role} has {@code statements}, among others. */
    static void rolePolicyHas(Template template, String role, Object... statements) {
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "Roles",
                        List.of(Map.of("Ref", Match.stringLikeRegexp(role))),
                        "PolicyDocument",
                        Map.of("Statement", Match.arrayWith(List.of(statements)))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }
}
