package dev.stowage.local.cli;

import dev.stowage.domain.fleet.FleetSettings;
import dev.stowage.host.docker.StaticRegistryAuth;
import dev.stowage.local.LocalMode;
import dev.stowage.local.LocalModeOptions;
import dev.stowage.local.app.LocalApplication;
import dev.stowage.local.app.LocalApplications;
import dev.stowage.local.fleet.CapacityLimits;
import dev.stowage.local.fleet.LocalContainers;
import dev.stowage.local.wiring.LocalFleetOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stowage up}: starts local mode, prints where its console is, the region and credentials clients use, then
 * {@code Stowage listening on http://127.0.0.1:<port>} once it serves, and nothing after: its logs go to a file. It
 * runs until the JVM is asked to stop (SIGINT, SIGTERM) or {@link #stop()} is called. While it runs, a {@link
 * RunFile} tells {@code stowage metrics} and {@code stowage logs} where it listens. Options it cannot take, and a port
 * in use, are one line and exit status 2 before anything starts.
 */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Run Stowage locally on DynamoDB Local.")
public final class UpCommand implements Callable<Integer> {
    @Option(
            names = "--port",
            converter = UpOptionValues.Port.class,
            description = "HTTP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE})")
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
            converter = UpOptionValues.TimeScale.class,
            description = "run every timer (cool-downs, heartbeats, boot delays) this many times faster"
                    + " (default: ${DEFAULT-VALUE})")
    double timeScale = 1.0;

    @Option(
            names = "--boot-delay",
            converter = UpOptionValues.Milliseconds.class,
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
            names = "--zones",
            paramLabel = "N",
            description = "availability zones new instances are asked in, the least-used first, named us-east-1a,"
                    + " us-east-1b, ... (1: one unnamed zone, as on AWS today; default: ${DEFAULT-VALUE})")
    int zones = 1;

    @Option(
            names = "--registry-credentials",
            paramLabel = "REGISTRY=USER:PASSWORD",
            description = "credentials to pull images from a private registry (host[:port]); repeat for more."
                    + " Without them, Docker's own config.json is used")
    List<String> registryCredentials = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    private final Supplier<LocalApplication> applications;
    private final RunFiles runFiles;
    private final boolean logsToFile;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * {@code up} running the application {@code applications} gives, announcing itself in {@code runFiles}; with
     * {@code logsToFile} the JVM's logs and stray output go to a file (global to the JVM: {@code stowage.jar} only).
     */
    UpCommand(Supplier<LocalApplication> applications, RunFiles runFiles, boolean logsToFile) {
        this.applications = applications;
        this.runFiles = runFiles;
        this.logsToFile = logsToFile;
    }

    /** {@code up} running the application registered with {@link java.util.ServiceLoader}, its logs in a file. */
    public static UpCommand discovering() {
        return new UpCommand(LocalApplications::discover, RunFiles.forUser(), true);
    }

    RunFiles runFiles() {
        return runFiles;
    }

    @Override
    public Integer call() {
        // Taken before the logs are routed: picocli makes its writers on first use, from System.out and System.err.
        PrintWriter out = spec().commandLine().getOut();
        PrintWriter err = spec().commandLine().getErr();
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            err.println("stowage up: " + refusal.get());
            err.flush();
            return OneLineErrors.USAGE;
        }
        Path logFile;
        try {
            logFile = logsToFile ? routeLogs() : null;
        } catch (IOException e) {
            err.println("stowage up: cannot write the log file: " + e.getMessage());
            return 1;
        }
        // Stowage's application reads its timers from these when ServiceLoader creates it.
        System.setProperty("stowage.timeScale", Double.toString(timeScale));
        System.setProperty("stowage.bootDelayMs", Long.toString(bootDelayMs));
        System.setProperty(LocalContainers.CREDENTIALS, String.join(",", registryCredentials));
        System.setProperty("stowage.capacity", capacity);
        System.setProperty(LocalFleetOptions.ZONES, Integer.toString(zones));
        LocalApplication application;
        try {
            application = applications.get();
        } catch (LocalApplications.NoApplicationException e) {
            err.println("stowage up: " + e.getMessage());
            return 1;
        }
        return run(application, logFile, out, err);
    }

    private int run(LocalApplication application, @Nullable Path logFile, PrintWriter out, PrintWriter err) {
        Thread hook = Thread.ofPlatform().unstarted(this::stopAndWait);
        RunFile run = null;
        try (LocalMode mode = LocalMode.start(options(), application)) {
            Runtime.getRuntime().addShutdownHook(hook);
            run = RunFile.ofThisProcess(mode.baseUri(), region, dataDir, logFile);
            runFiles.write(run);
            new StartupLines(
                            mode.baseUri(),
                            region,
                            account,
                            accessKey,
                            secretKey,
                            mode.dynamoDbEndpoint(),
                            dataDir,
                            logFile)
                    .lines()
                    .forEach(out::println);
            out.flush();
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            err.println("stowage up: cannot write the run file in " + runFiles.dir() + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            if (!portInUse(e)) {
                throw e;
            }
            err.println("stowage up: " + PortCheck.inUse(port));
            err.flush();
            return OneLineErrors.USAGE;
        } finally {
            if (run != null) {
                runFiles.remove(run);
            }
            stopped.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** What is wrong with the options that picocli cannot tell, checked before anything starts. */
    private Optional<String> refusal() {
        try {
            registryCredentials.forEach(StaticRegistryAuth::parse);
            CapacityLimits.parse(capacity);
            FleetSettings.defaults().withZones(zones);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return PortCheck.refusal(port);
    }

    /** Logs to {@code <data dir>/stowage.log}, or in memory to {@code <run folder>/stowage-<pid>.log}. */
    private Path routeLogs() throws IOException {
        Path file;
        if (dataDir != null) {
            file = dataDir.resolve("stowage.log");
        } else {
            runFiles.ensureDir();
            runFiles.removeStaleLogs();
            file = runFiles.dir().resolve("stowage-" + ProcessHandle.current().pid() + ".log");
        }
        LogFile.route(file, new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        return file.toAbsolutePath();
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

    private static boolean portInUse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running the hooks, this one included.
        }
    }
}
