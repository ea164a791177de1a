package dev.stowage.local.sdk;

import dev.stowage.local.LocalMode;
import dev.stowage.local.LocalModeOptions;
import dev.stowage.local.alarms.LocalAlarmEngine;
import dev.stowage.local.app.LocalEnvironment;
import dev.stowage.local.app.LocalHandlers;
import dev.stowage.local.fleet.LocalInstanceProvider;
import dev.stowage.local.wiring.LocalFleetOptions;
import dev.stowage.local.wiring.StowageApplication;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.waiters.SageMakerWaiter;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * Stowage's real application in local mode on port 0, with a real AWS SDK {@link SageMakerClient} pointed at it and
 * the local DynamoDB client, to count the events a request wrote.
 */
public final class RunningStowage implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    /**
     * The fleet's timers for tests: instances boot in 100 ms, hosts poll every 50 ms and beat every 200 ms,
     * placement ticks every 200 ms, a host silent for 2 s is lost, an empty instance is retired after 1 s.
     */
    public static final LocalFleetOptions FAST = LocalFleetOptions.quick();

    private final LocalMode mode;
    private final StowageApplication stowage;
    private final DynamoDbClient dynamoDb;
    private final SdkHttpClient http;
    private final SageMakerClient sageMaker;
    private final SageMakerWaiter waiter;
    private final @Nullable Path dataDir;

    private RunningStowage(
            LocalMode mode, StowageApplication stowage, DynamoDbClient dynamoDb, @Nullable Path dataDir) {
        this.mode = mode;
        this.stowage = stowage;
        this.dataDir = dataDir;
        this.dynamoDb = dynamoDb;
        this.http = Apache5HttpClient.builder().build();
        this.sageMaker = sageMaker(ACCESS_KEY, SECRET_KEY);
        this.waiter = SageMakerWaiter.builder()
                .client(sageMaker)
                .overrideConfiguration(w -> w.backoffStrategyV2(BackoffStrategy.fixedDelay(Eventually.POLL))
                        .maxAttempts(Integer.MAX_VALUE)
                        .waitTimeout(Duration.ofSeconds(30)))
                .build();
    }

    /** Local mode with the {@link #FAST} timers, in memory when {@code dataDir} is null, on disk in it otherwise. */
    public static RunningStowage start(@Nullable Path dataDir) {
        return start(dataDir, FAST);
    }

    /** Local mode with these options, in memory when {@code dataDir} is null, on disk in it otherwise. */
    public static RunningStowage start(@Nullable Path dataDir, LocalFleetOptions options) {
        AtomicReference<DynamoDbClient> dynamoDb = new AtomicReference<>();
        StowageApplication stowage = new StowageApplication(options);
        LocalMode mode = LocalMode.start(
                new LocalModeOptions(0, dataDir, REGION, ACCOUNT, ACCESS_KEY, SECRET_KEY),
                (LocalEnvironment environment) -> {
                    dynamoDb.set(environment.dynamoDb());
                    LocalHandlers handlers = stowage.setUp(environment);
                    return handlers;
                });
        return new RunningStowage(mode, stowage, dynamoDb.get(), dataDir);
    }

    public URI baseUri() {
        return mode.baseUri();
    }

    /** The client of the walkthrough: credentials test/test, us-east-1. */
    public SageMakerClient sageMaker() {
        return sageMaker;
    }

    /**
     * The SDK's waiters on {@link #sageMaker()}, polling every 50 ms instead of the service's 30 s (local mode's
     * timers are fast), for at most 30 s however many polls that takes (the waiters' own attempt counts, 60 for
     * most, would give up after 3 s).
     */
    public SageMakerWaiter waiter() {
        return waiter;
    }

    /**
     * The folder that stands in for S3 on the hosts: {@code s3://bucket/key} is {@code <bucketRoot>/bucket/key}.
     * Only known when running on a data dir.
     */
    Path bucketRoot() {
        if (dataDir == null) {
            throw new IllegalStateException("the hosts' bucket root is only known with a data dir");
        }
        return dataDir.resolve("hosts").resolve("buckets");
    }

    /** A runtime client signing with the local credentials, with or without SDK retries; the caller closes it. */
    SageMakerRuntimeClient runtime(boolean retries) {
        return runtime(mode.baseUri(), retries);
    }

    /** A runtime client of the API at {@code endpoint} (a host's, say); the caller closes it. */
    SageMakerRuntimeClient runtime(URI endpoint, boolean retries) {
        return runtime(endpoint, retries, AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** A runtime client of the API at {@code endpoint} signing with {@code signer}; the caller closes it. */
    SageMakerRuntimeClient runtime(URI endpoint, boolean retries, AwsBasicCredentials signer) {
        var builder = SageMakerRuntimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(signer));
        if (!retries) {
            builder.overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)));
        }
        return builder.build();
    }

    /**
     * An async runtime client for the streaming call, without retries (the SDK would replay a whole stream on a
     * stream error); the caller closes it.
     */
    SageMakerRuntimeAsyncClient runtimeAsync() {
        return SageMakerRuntimeAsyncClient.builder()
                .endpointOverride(mode.baseUri())
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** A client signing with other credentials; the caller closes it. */
    SageMakerClient sageMaker(String accessKey, String secretKey) {
        return SageMakerClient.builder()
                .endpointOverride(mode.baseUri())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(http)
                .build();
    }

    /** An Application Auto Scaling client signing with the local credentials; the caller closes it. */
    ApplicationAutoScalingClient autoScaling() {
        return ApplicationAutoScalingClient.builder()
                .endpointOverride(mode.baseUri())
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(http)
                .build();
    }

    /** A CloudWatch client (RPC v2 CBOR) signing with the local credentials; the caller closes it. */
    CloudWatchClient cloudWatch() {
        return CloudWatchClient.builder()
                .endpointOverride(mode.baseUri())
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(http)
                .build();
    }

    /** The application itself: its scaling reactor and the alarms its policies created. */
    StowageApplication application() {
        return stowage;
    }

    /** The local alarm engine behind CloudWatch's API. */
    LocalAlarmEngine alarms() {
        return stowage.alarms();
    }

    /** The simulated instances: tests crash hosts through it. */
    public LocalInstanceProvider instances() {
        return stowage.instances();
    }

    /** The local DynamoDB, owned by local mode. */
    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** How many items the {@code events} table holds: one per event ever appended. */
    public long eventCount() {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(b -> b.tableName(StowageApplication.EVENTS_TABLE)
                    .select(Select.COUNT)
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public void close() {
        waiter.close();
        sageMaker.close();
        http.close();
        mode.close();
    }
}
