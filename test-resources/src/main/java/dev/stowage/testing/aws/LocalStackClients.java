package dev.stowage.testing.aws;

import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/** Real SDK clients pointed at a running LocalStack container. */
public final class LocalStackClients {
    private LocalStackClients() {}

    /** {@code builder} with the container's endpoint, region and credentials. */
    public static <B extends AwsClientBuilder<B, ?>> B configure(LocalStackContainer localStack, B builder) {
        return builder.endpointOverride(localStack.getEndpoint())
                .region(Region.of(localStack.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey())));
    }
}
