package dev.stowage.local.cli;

import dev.stowage.host.docker.StaticRegistryAuth;
import dev.stowage.local.LocalMode;
import dev.stowage.local.LocalModeOptions;
import dev.stowage.local.app.LocalApplication;
import dev.stowage.local.app.LocalApplications;
import dev.stowage.local.fleet.CapacityLimits;
import dev.stowage.local.fleet.LocalContainers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stowage up}: starts local mode, prints {@code Stowage listening on http://127.0.0.1:<port>} once it serves,
 * and runs until the JVM is asked to stop (SIGINT, SIGTERM) or {@link #stop()} is called.
 */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Run Stowage locally on DynamoDB Local.")
public final class UpCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--data-dir", description = "keep the database in this directory (default: in memory)")
    @Nullable
    Path dataDir;

    @Option(names = "--region", description = "region of ARNs and SigV4 (default: ${DEFAULT-VALUE})")
    String region = "us-east-1";

    @Option(names = "--account", description = "account id of ARNs (default: ${DEFAULT-VALUE})")
    String account = "000000000000";

    @Option(names = "--access-key", description = "access key clients sign with (default: ${DEFAULT-VALUE})")
    String accessKey = "test";

    @Option(names = "--secret-key", description = "secret key clients sign with (default: ${DEFAULT-VALUE})")
    String secretKey = "test";

    @Option(
            names = "--time-scale",
            description = "run every timer (cool-downs, heartbeats, boot delays) this many times faster"
                    + " (default: ${DEFAULT-VALUE})")
    double timeScale = 1.0;

    @Option(
            names = "--boot-delay",
            description = "milliseconds a simulated instance takes to boot, before the time scale"
                    + " (default: ${DEFAULT-VALUE})")
    long bootDelayMs = 2000;

    @Option(
            names = "--capacity",
            paramLabel = "TYPE=COUNT[,TYPE=COUNT...]",
            description = "run at most COUNT instances of TYPE at once; a launch beyond fails as EC2's does without"
                    + " capacity, and endpoints with InstancePools fall back to their next pool")
    String capacity = "";

    @Option(
            names = "--registry-credentials",
            paramLabel = "REGISTRY=USER:PASSWORD",
            description = "credentials to pull images from a private registry (host[:port]); repeat for more."
                    + " Without them, Docker's own config.json is used")
    List<String> registryCredentials = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    private final Supplier<LocalApplication> applications;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    UpCommand(Supplier<LocalApplication> applications) {
        this.applications = applications;
    }

    /** {@code up} running the application registered with {@link java.util.ServiceLoader}. */
    public static UpCommand discovering() {
        return new UpCommand(LocalApplications::discover);
    }

    @Override
    public Integer call() {
        // Stowage's application reads its timers from these when ServiceLoader creates it.
        System.setProperty("stowage.timeScale", Double.toString(timeScale));
        System.setProperty("stowage.bootDelayMs", Long.toString(bootDelayMs));
        try {
            registryCredentials.forEach(StaticRegistryAuth::parse);
            CapacityLimits.parse(capacity);
        } catch (IllegalArgumentException e) {
            spec().commandLine().getErr().println("stowage up: " + e.getMessage());
            return 2;
        }
        System.setProperty(LocalContainers.CREDENTIALS, String.join(",", registryCredentials));
        System.setProperty("stowage.capacity", capacity);
        LocalApplication application;
        try {
            application = applications.get();
        } catch (LocalApplications.NoApplicationException e) {
            spec().commandLine().getErr().println("stowage up: " + e.getMessage());
            return 1;
        }
        Thread hook = Thread.ofPlatform().unstarted(this::stopAndWait);
        try (LocalMode mode = LocalMode.start(options(), application)) {
            Runtime.getRuntime().addShutdownHook(hook);
            var out = spec().commandLine().getOut();
            out.println("Stowage listening on " + mode.baseUri());
            out.flush();
            stopRequested.await();
            spec().commandLine().getErr().println("Stowage stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** Asks a running {@code up} to shut down and waits until it has. */
    public void stopAndWait() {
        stop();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks a running {@code up} to shut down. */
    public void stop() {
        stopRequested.countDown();
    }

    private LocalModeOptions options() {
        return new LocalModeOptions(port, dataDir, region, account, accessKey, secretKey);
    }

    private CommandLine.Model.CommandSpec spec() {
        if (spec == null) {
            throw new IllegalStateException("UpCommand runs through picocli");
        }
        return spec;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running the hooks, this one included.
        }
    }
}
