package dev.stowage.local.sdk;

import dev.stowage.local.LocalMode;
import dev.stowage.local.LocalModeOptions;
import dev.stowage.local.app.LocalEnvironment;
import dev.stowage.local.app.LocalHandlers;
import dev.stowage.local.wiring.StowageApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Stowage's real application in local mode on port 0, with a real AWS SDK {@link SageMakerClient} pointed at it and
 * the local DynamoDB client, to count the events a request wrote.
 */
final class RunningStowage implements AutoCloseable {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final String ACCESS_KEY = "test";
    static final String SECRET_KEY = "test";

    private final LocalMode mode;
    private final DynamoDbClient dynamoDb;
    private final SdkHttpClient http;
    private final SageMakerClient sageMaker;

    private RunningStowage(LocalMode mode, DynamoDbClient dynamoDb) {
        this.mode = mode;
        this.dynamoDb = dynamoDb;
        this.http = Apache5HttpClient.builder().build();
        this.sageMaker = sageMaker(ACCESS_KEY, SECRET_KEY);
    }

    /** Local mode in memory when {@code dataDir} is null, on disk in it otherwise. */
    static RunningStowage start(@Nullable Path dataDir) {
        AtomicReference<DynamoDbClient> dynamoDb = new AtomicReference<>();
        StowageApplication stowage = new StowageApplication();
        LocalMode mode = LocalMode.start(
                new LocalModeOptions(0, dataDir, REGION, ACCOUNT, ACCESS_KEY, SECRET_KEY),
                (LocalEnvironment environment) -> {
                    dynamoDb.set(environment.dynamoDb());
                    LocalHandlers handlers = stowage.setUp(environment);
                    return handlers;
                });
        return new RunningStowage(mode, dynamoDb.get());
    }

    URI baseUri() {
        return mode.baseUri();
    }

    /** The client of the walkthrough: credentials test/test, us-east-1. */
    SageMakerClient sageMaker() {
        return sageMaker;
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

    /** The local DynamoDB, owned by local mode. */
    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** How many items the {@code events} table holds: one per event ever appended. */
    long eventCount() {
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
        sageMaker.close();
        http.close();
        mode.close();
    }
}
