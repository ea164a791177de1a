package dev.stowage.local.sdk;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Starts Stowage in local mode, in memory on port 0, once per test class; register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final LocalModeExtension STOWAGE = new LocalModeExtension();}</pre>
 */
final class LocalModeExtension implements BeforeAllCallback, AfterAllCallback {
    private @Nullable RunningStowage running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = RunningStowage.start(null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    RunningStowage running() {
        return Objects.requireNonNull(running, "local mode runs between beforeAll and afterAll");
    }

    SageMakerClient sageMaker() {
        return running().sageMaker();
    }

    DynamoDbClient dynamoDb() {
        return running().dynamoDb();
    }

    long eventCount() {
        return running().eventCount();
    }
}
