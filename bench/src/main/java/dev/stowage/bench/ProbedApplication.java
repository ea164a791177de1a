package dev.stowage.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.functions.api.ApiGatewayEvents;
import dev.stowage.local.app.LocalApplication;
import dev.stowage.local.app.LocalEnvironment;
import dev.stowage.local.app.LocalHandlers;
import dev.stowage.local.wiring.StowageApplication;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real {@link StowageApplication}, set up on a DynamoDB client configured as local mode's own ({@code
 * LocalDynamoDb}: Apache 5, 64 connections, us-east-1, static credentials) with a {@link Probe} on it, and its API
 * handler wrapped so that each request's time and DynamoDB requests are put down to its {@code X-Amz-Target}.
 * Local mode gives its application no hook on its own client, hence the twin; the stream pollers keep local mode's.
 */
final class ProbedApplication implements LocalApplication {
    private static final String TARGET_PREFIX = "SageMaker.";

    private final Probe probe;
    private final AtomicReference<DynamoDbClient> client = new AtomicReference<>();

    ProbedApplication(Probe probe) {
        this.probe = probe;
    }

    @Override
    public LocalHandlers setUp(LocalEnvironment environment) {
        URI endpoint = environment
                .dynamoDb()
                .serviceClientConfiguration()
                .endpointOverride()
                .orElseThrow(() -> new IllegalStateException("local mode's DynamoDB client has no endpoint"));
        DynamoDbClient probed = dynamoDbClient(endpoint, probe);
        client.set(probed);
        LocalEnvironment twin = new LocalEnvironment(
                probed,
                environment.streams(),
                environment.region(),
                environment.account(),
                environment.credentials(),
                environment.clock(),
                environment.endpoint(),
                environment.dataDir());
        LocalHandlers handlers = new StowageApplication().setUp(twin);
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api = handlers.api();
        return new LocalHandlers(
                (event, context) -> probe.during(operation(event), () -> api.handleRequest(event, context)),
                handlers.streams(),
                () -> {
                    handlers.resources().close();
                    probed.close();
                });
    }

    /** The probed DynamoDB client the application uses; the baseline puts go through it too. */
    DynamoDbClient dynamoDb() {
        return Objects.requireNonNull(client.get(), "not set up yet");
    }

    /** A client like {@code LocalDynamoDb}'s, with {@code probe} on it; it owns its HTTP client. */
    static DynamoDbClient dynamoDbClient(URI endpoint, Probe probe) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(64))
                .overrideConfiguration(o -> o.addExecutionInterceptor(probe))
                .build();
    }

    private static String operation(APIGatewayProxyRequestEvent event) {
        return ApiGatewayEvents.headers(event)
                .first("X-Amz-Target")
                .map(target -> target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target)
                .orElse("(no target)");
    }

    @Override
    public String name() {
        return "Stowage (probed)";
    }
}
