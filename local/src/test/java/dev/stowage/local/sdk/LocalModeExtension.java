package dev.stowage.local.sdk;

import dev.stowage.local.fleet.LocalInstanceProvider;
import dev.stowage.local.wiring.LocalFleetOptions;
import dev.stowage.local.wiring.StowageApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.waiters.SageMakerWaiter;

/**
 * Starts Stowage in local mode on port 0, once per test class, with the fast timers of {@link
 * RunningStowage#FAST}; register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final LocalModeExtension STOWAGE = new LocalModeExtension();}</pre>
 *
 * {@link #onDisk()} runs it on a temporary data dir instead of in memory, so that tests can put model artifacts
 * where the hosts look for S3 objects ({@link RunningStowage#bucketRoot()}).
 */
final class LocalModeExtension implements BeforeAllCallback, AfterAllCallback {
    private final boolean onDisk;
    private final LocalFleetOptions options;
    private @Nullable RunningStowage running;
    private @Nullable Path dataDir;

    LocalModeExtension() {
        this(false, RunningStowage.FAST);
    }

    /** Local mode in memory with these options. */
    LocalModeExtension(LocalFleetOptions options) {
        this(false, options);
    }

    private LocalModeExtension(boolean onDisk, LocalFleetOptions options) {
        this.onDisk = onDisk;
        this.options = options;
    }

    static LocalModeExtension onDisk() {
        return new LocalModeExtension(true, RunningStowage.FAST);
    }

    /** In memory, with {@link RunningStowage#FAST} at this time scale. */
    static LocalModeExtension atTimeScale(double factor) {
        return new LocalModeExtension(false, RunningStowage.FAST.withTimeScale(factor));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = onDisk ? Files.createTempDirectory("stowage-it") : null;
        running = RunningStowage.start(dataDir, options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (running != null) {
            running.close();
            running = null;
        }
        if (dataDir != null) {
            deleteRecursively(dataDir);
            dataDir = null;
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RunningStowage running() {
        return Objects.requireNonNull(running, "local mode runs between beforeAll and afterAll");
    }

    SageMakerClient sageMaker() {
        return running().sageMaker();
    }

    SageMakerWaiter waiter() {
        return running().waiter();
    }

    DynamoDbClient dynamoDb() {
        return running().dynamoDb();
    }

    LocalInstanceProvider instances() {
        return running().instances();
    }

    StowageApplication application() {
        return running().application();
    }

    long eventCount() {
        return running().eventCount();
    }
}
