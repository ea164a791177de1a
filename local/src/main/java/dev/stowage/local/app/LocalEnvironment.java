package dev.stowage.local.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What local mode gives a {@link LocalApplication}. The clients are owned by local mode (do not close them) and are
 * thread-safe.
 *
 * @param dynamoDb a client for the local DynamoDB
 * @param streams a DynamoDB Streams client for it
 * @param region the region clients sign for and ARNs carry
 * @param account the account id in ARNs
 * @param credentials the credentials clients of the API sign with; the API handler verifies SigV4 with them
 * @param clock the clock every handler and timer reads
 * @param endpoint the base URL of the local API ({@code http://127.0.0.1:<port>}); it serves once setup returns
 * @param dataDir where the database lives, or null when it is in memory
 */
public record LocalEnvironment(
        DynamoDbClient dynamoDb,
        DynamoDbStreamsClient streams,
        Region region,
        String account,
        AwsBasicCredentials credentials,
        Clock clock,
        URI endpoint,
        @Nullable Path dataDir) {}
