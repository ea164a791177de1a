package dev.stowage.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The functions besides the API's, each with its trigger and exactly the permissions its handler uses: the view
 * projector, the placement reactor, the instance reconciler and the dashboards on the events stream; the scaling
 * reactor on alarm state changes; the fleet tick and the still-in-alarm check every minute.
 */
public final class StackFunctions extends Construct {
    private final JavaFunction projector;
    private final JavaFunction placement;
    private final JavaFunction instances;
    private final JavaFunction dashboards;
    private final JavaFunction scaling;
    private final JavaFunction fleetTick;
    private final JavaFunction stillInAlarm;
    private final AlarmTriggers triggers;
    private final List<StreamConsumer> consumers;

    public StackFunctions(Construct scope, String id, Props props) {
        super(scope, id);
        StowageSettings settings = props.settings();
        Map<String, String> withInstances = LambdaEnvironment.withInstances(
                props.environment(),
                props.hosts().gpu().getLaunchTemplateId(),
                props.hosts().neuron().getLaunchTemplateId(),
                props.network().hostSubnetsWithZones(),
                props.network().targets().getTargetGroupArn(),
                settings.maxInstances());
        this.projector = function(props, "ViewProjector", "view-projector", "Keeps the views", Handlers.VIEW_PROJECTOR);
        this.placement = function(
                props,
                "Placement",
                "placement",
                "Places copies on instances",
                Handlers.PLACEMENT,
                LambdaEnvironment.withHostSubnets(
                        props.environment(), props.network().hostSubnetsWithZones()));
        this.instances = function(
                props,
                "Instances",
                "instances",
                "Launches and terminates instances",
                Handlers.INSTANCES,
                withInstances);
        this.dashboards = function(
                props,
                "Dashboards",
                "dashboards",
                "Keeps a CloudWatch dashboard per endpoint",
                Handlers.DASHBOARDS,
                LambdaEnvironment.withDashboards(props.environment(), dashboardPrefix(settings)));
        this.scaling = function(
                props,
                "Scaling",
                "scaling",
                "Runs scaling policies on alarm state changes",
                Handlers.ALARM_STATE_CHANGE);
        this.fleetTick = function(
                props,
                "FleetTick",
                "fleet-tick",
                "Reconciles every fleet once a minute",
                Handlers.FLEET_TICK,
                withInstances);
        this.stillInAlarm = function(
                props,
                "StillInAlarm",
                "still-in-alarm",
                "Re-runs the policies of alarms that stay in ALARM",
                Handlers.STILL_IN_ALARM);

        for (JavaFunction writer :
                List.of(props.api(), projector, placement, instances, scaling, fleetTick, stillInAlarm)) {
            props.tables().events().grantReadWriteData(writer.role());
            props.tables().views().grantReadWriteData(writer.role());
        }
        props.tables().events().grantReadData(dashboards.role());
        props.tables().views().grantReadData(dashboards.role());
        for (JavaFunction function : all()) {
            HostKeysRow.deny(function.role(), props.tables().views());
        }

        props.api()
                .role()
                .addToPolicy(alarms(
                        "ManageTargetTrackingAlarms",
                        List.of("cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms"),
                        "TargetTracking-*"));
        // The API checks that a host reports only for the instance its role session names (ADR 15).
        props.api()
                .role()
                .addToPolicy(PolicyStatement.Builder.create()
                        .sid("VerifyHosts")
                        .effect(Effect.ALLOW)
                        .actions(List.of("ec2:DescribeInstances"))
                        .resources(List.of("*"))
                        .build());
        // Placement (on the stream and on the tick) reads the alarms a DeploymentConfig names, which may be any.
        for (JavaFunction reader : List.of(props.api(), scaling, stillInAlarm, placement, fleetTick)) {
            reader.role().addToPolicy(alarms("Alarms", List.of("cloudwatch:DescribeAlarms"), "*"));
        }
        for (JavaFunction launcher : List.of(instances, fleetTick)) {
            InstancePermissions.grant(launcher.role(), settings.deployment(), props.hosts(), props.network());
        }
        dashboards
                .role()
                .addToPolicy(PolicyStatement.Builder.create()
                        .sid("Dashboards")
                        .effect(Effect.ALLOW)
                        .actions(List.of("cloudwatch:PutDashboard", "cloudwatch:DeleteDashboards"))
                        .resources(List.of("arn:" + Aws.PARTITION + ":cloudwatch::" + Aws.ACCOUNT_ID + ":dashboard/"
                                + dashboardPrefix(settings) + "*"))
                        .build());

        this.consumers = List.of(projector, placement, instances, dashboards).stream()
                .map(consumer -> new StreamConsumer(
                        this,
                        consumer.getNode().getId() + "Stream",
                        consumer,
                        props.tables().events()))
                .toList();
        this.triggers = new AlarmTriggers(this, "Triggers", scaling, List.of(fleetTick, stillInAlarm));
    }

    /** Dashboards are named {@code <deployment>-<endpoint>}. */
    static String dashboardPrefix(StowageSettings settings) {
        return settings.deployment() + "-";
    }

    /** Alarms named like {@code names}: Application Auto Scaling names its own alarms TargetTracking-…. */
    private static PolicyStatement alarms(String sid, List<String> actions, String names) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(List.of("arn:" + Aws.PARTITION + ":cloudwatch:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
                        + ":alarm:" + names))
                .build();
    }

    private JavaFunction function(Props props, String id, String name, String description, String handler) {
        return function(props, id, name, description, handler, props.environment());
    }

    private JavaFunction function(
            Props props, String id, String name, String description, String handler, Map<String, String> env) {
        return new JavaFunction(
                this,
                id,
                new JavaFunction.Props(
                        props.settings().deployment(),
                        name,
                        description,
                        handler,
                        props.code(),
                        1024,
                        Duration.minutes(2),
                        env,
                        props.retention()));
    }

    public List<JavaFunction> all() {
        return List.of(projector, placement, instances, dashboards, scaling, fleetTick, stillInAlarm);
    }

    public List<StreamConsumer> consumers() {
        return consumers;
    }

    public AlarmTriggers triggers() {
        return triggers;
    }

    public record Props(
            StowageSettings settings,
            Code code,
            Map<String, String> environment,
            RetentionDays retention,
            EventTables tables,
            HostNetwork network,
            HostFleet hosts,
            JavaFunction api) {}
}
