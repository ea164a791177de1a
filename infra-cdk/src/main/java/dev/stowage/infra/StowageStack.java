package dev.stowage.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * Stowage in one account and region (DESIGN §8): the tables, the functions and what triggers them, the REST API,
 * the hosts' network and launch templates, the front token that lets invocations through to the hosts (ADR 23), each
 * function and the hosts with only the permissions they use, and the
 * written reason for every cdk-nag finding that stays ({@link NagReasons}).
 */
public final class StowageStack extends Stack {
    private final EventTables tables;
    private final StackFunctions functions;
    private final HostNetwork network;
    private final ControlApi api;
    private final HostFleet hosts;
    private final JavaFunction apiFunction;
    private final FrontToken frontToken;

    public StowageStack(Construct scope, String id, StackProps props, StowageSettings settings) {
        super(scope, id, props);
        Tags.of(this).add("stowage-deployment", settings.deployment());
        RetentionDays retention = retention(settings.logRetentionDays());
        this.tables = new EventTables(this, "Tables");
        this.network = new HostNetwork(this, "Network", settings, retention);
        Map<String, String> base = LambdaEnvironment.of(
                tables.events().getTableName(),
                tables.views().getTableName(),
                Aws.ACCOUNT_ID,
                settings.deployment(),
                settings.instanceTypes(),
                settings.maxCopiesPerInferenceComponent());
        Code code = Code.fromAsset(settings.functionsJar().toString());
        FrontToken frontToken = new FrontToken(this, "FrontToken");
        JavaFunction apiFunction = new JavaFunction(
                this,
                "ApiFunction",
                new JavaFunction.Props(
                        settings.deployment(),
                        "api",
                        "SageMaker, Application Auto Scaling and host operations",
                        Handlers.API,
                        code,
                        2048,
                        Duration.seconds(29),
                        LambdaEnvironment.withFrontToken(base, frontToken.value()),
                        retention));
        this.api = new ControlApi(
                this,
                "Api",
                new ControlApi.Props(settings.deployment(), apiFunction.alias(), network, frontToken, retention));
        this.hosts =
                new HostFleet(this, "Hosts", new HostFleet.Props(settings, network, api.hostMethodArn(), api.url()));
        this.functions = new StackFunctions(
                this,
                "Functions",
                new StackFunctions.Props(settings, code, base, retention, tables, network, hosts, apiFunction));
        this.apiFunction = apiFunction;
        this.frontToken = frontToken;
        List<JavaFunction> everyFunction = new ArrayList<>(List.of(apiFunction));
        everyFunction.addAll(functions.all());
        new OperationsDashboard(this, "Operations", settings.deployment(), everyFunction, functions.consumers());
        NagReasons.apply(this);
        CfnOutput.Builder.create(this, "ApiUrl")
                .description("The endpoint URL for the SageMaker, Application Auto Scaling and runtime clients"
                        + " (signing name execute-api)")
                .value(api.url())
                .build();
        CfnOutput.Builder.create(this, "Region").value(Aws.REGION).build();
        CfnOutput.Builder.create(this, "EventsTable")
                .description("The event store (kept when the stack is destroyed)")
                .value(tables.events().getTableName())
                .build();
        CfnOutput.Builder.create(this, "ViewsTable")
                .description("The read models (kept when the stack is destroyed)")
                .value(tables.views().getTableName())
                .build();
    }

    private static RetentionDays retention(int days) {
        Map<Integer, RetentionDays> options = Map.ofEntries(
                Map.entry(1, RetentionDays.ONE_DAY),
                Map.entry(3, RetentionDays.THREE_DAYS),
                Map.entry(7, RetentionDays.ONE_WEEK),
                Map.entry(14, RetentionDays.TWO_WEEKS),
                Map.entry(30, RetentionDays.ONE_MONTH),
                Map.entry(60, RetentionDays.TWO_MONTHS),
                Map.entry(90, RetentionDays.THREE_MONTHS),
                Map.entry(180, RetentionDays.SIX_MONTHS),
                Map.entry(365, RetentionDays.ONE_YEAR));
        RetentionDays retention = options.get(days);
        if (retention == null) {
            throw new IllegalArgumentException(
                    "stowage:logRetentionDays must be one of " + new TreeSet<>(options.keySet()) + ": " + days);
        }
        return retention;
    }

    public EventTables tables() {
        return tables;
    }

    public StackFunctions functions() {
        return functions;
    }

    public HostNetwork network() {
        return network;
    }

    public ControlApi api() {
        return api;
    }

    public JavaFunction apiFunction() {
        return apiFunction;
    }

    public FrontToken frontToken() {
        return frontToken;
    }

    public HostFleet hosts() {
        return hosts;
    }
}
