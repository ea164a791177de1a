package dev.stowage.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.ConnectionType;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.Integration;
import software.amazon.awscdk.services.apigateway.IntegrationOptions;
import software.amazon.awscdk.services.apigateway.IntegrationProps;
import software.amazon.awscdk.services.apigateway.IntegrationType;
import software.amazon.awscdk.services.apigateway.JsonWithStandardFieldProps;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RequestValidatorOptions;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.ResponseTransferMode;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.apigateway.VpcLink;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The REST API every client and host calls, IAM-authorized (SigV4 with signing name {@code execute-api}) on every
 * method:
 *
 * <ul>
 *   <li>{@code POST /}: SageMaker, Application Auto Scaling and Stowage's own operations (AWS JSON 1.1 with {@code
 *       X-Amz-Target}), served by the API function;
 *   <li>{@code POST /host}: what inference hosts say and read (the only method their role may call);
 *   <li>{@code POST /endpoints/{name}/invocations[-response-stream]}: the runtime API, passed through a VPC link to
 *       the internal load balancer in front of the hosts, streamed, so IAM can grant or deny each endpoint; the
 *       integration adds the deployment's {@link FrontToken}, the only credential a host's runtime port accepts.
 * </ul>
 */
public final class ControlApi extends Construct {
    public static final String STAGE = "prod";
    public static final String HOST_PATH = "/host";
    /** How long a runtime call may take end to end: the hosts' stream timeout (8 minutes). */
    public static final Duration RUNTIME_TIMEOUT = Duration.minutes(8);

    private final RestApi api;

    public ControlApi(Construct scope, String id, Props props) {
        super(scope, id);
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(props.retention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.api = RestApi.Builder.create(this, "Api")
                .restApiName(props.deployment())
                .description("Stowage: the SageMaker, Application Auto Scaling and runtime APIs")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .binaryMediaTypes(List.of("*/*"))
                .cloudWatchRole(true)
                .cloudWatchRoleRemovalPolicy(RemovalPolicy.DESTROY)
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.jsonWithStandardFields(JsonWithStandardFieldProps.builder()
                                .caller(true)
                                .httpMethod(true)
                                .ip(true)
                                .protocol(true)
                                .requestTime(true)
                                .resourcePath(true)
                                .responseLength(true)
                                .status(true)
                                .user(true)
                                .build()))
                        .loggingLevel(MethodLoggingLevel.ERROR)
                        .metricsEnabled(true)
                        .build())
                .defaultMethodOptions(MethodOptions.builder()
                        .authorizationType(AuthorizationType.IAM)
                        .build())
                .build();
        LambdaIntegration control = new LambdaIntegration(props.handler());
        api.getRoot().addMethod("POST", control);
        api.getRoot().addResource(HOST_PATH.substring(1)).addMethod("POST", control);
        addRuntime(props);
    }

    private void addRuntime(Props props) {
        RequestValidator validator = api.addRequestValidator(
                "RuntimeParameters",
                RequestValidatorOptions.builder()
                        .requestValidatorName("runtime-path")
                        .validateRequestParameters(true)
                        .build());
        VpcLink link = VpcLink.Builder.create(this, "RuntimeLink")
                .description("API Gateway to the hosts' load balancer")
                .targets(List.of(props.network().loadBalancer()))
                .build();
        Resource runtime = api.getRoot().addResource("endpoints").addResource("{proxy+}");
        runtime.addMethod(
                "POST",
                new Integration(IntegrationProps.builder()
                        .type(IntegrationType.HTTP_PROXY)
                        .integrationHttpMethod("POST")
                        .uri("http://" + props.network().loadBalancer().getLoadBalancerDnsName() + "/endpoints/{proxy}")
                        .options(IntegrationOptions.builder()
                                .connectionType(ConnectionType.VPC_LINK)
                                .vpcLink(link)
                                .requestParameters(Map.of(
                                        "integration.request.path.proxy",
                                        "method.request.path.proxy",
                                        // A static value, quoted; it replaces any such header a caller sends.
                                        "integration.request.header." + FrontToken.HEADER,
                                        "'" + props.frontToken().value() + "'"))
                                .responseTransferMode(ResponseTransferMode.STREAM)
                                .timeout(RUNTIME_TIMEOUT)
                                .build())
                        .build()),
                MethodOptions.builder()
                        .requestParameters(Map.of("method.request.path.proxy", true))
                        .requestValidator(validator)
                        .build());
    }

    public RestApi api() {
        return api;
    }

    /** The stage URL clients set as their endpoint, e.g. {@code https://abc.execute-api.us-east-1.amazonaws.com/prod/}. */
    public String url() {
        return api.getUrl();
    }

    /** The {@code execute-api} ARN of the hosts' method. */
    public String hostMethodArn() {
        return api.arnForExecuteApi("POST", HOST_PATH, STAGE);
    }

    public record Props(
            String deployment,
            IFunction handler,
            HostNetwork network,
            FrontToken frontToken,
            RetentionDays retention) {}
}
