package dev.stowage.bench;

import com.github.dockerjava.api.DockerClient;
import dev.stowage.testing.docker.DockerEngine;
import dev.stowage.testing.docker.TestImage;
import dev.stowage.testing.docker.TestImages;
import dev.stowage.testing.docker.TestRegistry;
import dev.stowage.testing.docker.TrainedModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies as containers on the machine's Docker Engine, through a real {@code InferenceHost} with {@code
 * DockerRuntime}. Run it with {@code bench/run containers [--smoke] [--density-only]}; {@code docs/benchmarks.md}
 * records its figures. {@code -Dstowage.bench.engineConnections=N} gives the hosts an engine client with N connections
 * instead of their own.
 *
 * <ol>
 *   <li>{@link ColdStartSplit}: a copy's cold start split into image pull, artifact, container start and first good
 *       {@code /ping}, with and without {@code DataCacheConfig} caching, the image pulled for real from a local
 *       registry ({@link RegistryImage}).
 *   <li>{@link ContainerRouterOverhead}: the host's router in front of a container copy against calling it directly.
 *   <li>{@link CopyDensity}: how many small copies one host holds on this machine, and the host's cost per copy.
 * </ol>
 *
 * <p>Needs a Docker Engine ({@code scripts/docker-engine start}). The images are test-resources' test images, built
 * once per machine; the model is trained by the scikit-learn image.
 */
public final class ContainersBenchmark {
    static final String ARTIFACT = "s3://models/sklearn/model.tar.gz";
    static final String SMALL_ARTIFACT = "s3://models/sklearn-small/model.tar.gz";

    /**
     * How the benchmark runs.
     *
     * @param coldStartImage the image whose cold start is split
     * @param realPull whether its layers are taken off the Engine, so that every pull downloads them
     * @param coldStartRuns runs per caching mode (a fresh host each)
     * @param artifactPaddingMib random bytes packed beside the model in the cold-start artifact, standing in for weights
     * @param overheadCalls timed calls per path
     * @param overheadWarmUp untimed calls per path before them
     * @param densityStep copies added at once
     * @param densityMaxCopies the most copies the density scenario adds
     * @param idleWindow how long the host idles before each footprint sample
     * @param slowdown the density scenario stops when a step's median cold start exceeds this × the first step's
     * @param memoryFloorMib available memory the density scenario leaves to the machine's other work
     */
    record Settings(
            TestImage coldStartImage,
            boolean realPull,
            int coldStartRuns,
            int artifactPaddingMib,
            int overheadCalls,
            int overheadWarmUp,
            int densityStep,
            int densityMaxCopies,
            Duration idleWindow,
            double slowdown,
            long memoryFloorMib) {

        /** The documented run: 15 to 30 minutes on 2 cores, as their other load allows. */
        static Settings standard() {
            return new Settings(
                    TestImage.BYOC_SKLEARN, true, 3, 128, 3000, 500, 8, 400, Duration.ofSeconds(10), 3.0, 4096);
        }

        /** These settings with only the density scenario ({@code --density-only}). */
        Settings densityOnly() {
            return new Settings(
                    coldStartImage,
                    realPull,
                    0,
                    artifactPaddingMib,
                    0,
                    0,
                    densityStep,
                    densityMaxCopies,
                    idleWindow,
                    slowdown,
                    memoryFloorMib);
        }

        /**
         * Seconds of each scenario, to check that it works: the small {@code exit-after-serving} image through the
         * registry with its layers left on the Engine (a pull that only fetches the manifest), one run per mode.
         */
        static Settings smoke() {
            return new Settings(
                    TestImage.EXIT_AFTER_SERVING, false, 1, 1, 100, 20, 2, 2, Duration.ofSeconds(1), 3.0, 512);
        }
    }

    /** What the scenarios measured, for the smoke test. */
    record Result(List<ColdStartSplit.Run> coldStarts, List<CopyDensity.Step> density) {}

    private ContainersBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (!DockerEngine.available()) {
            System.err.println("bench/run containers: no Docker Engine answers on " + DockerEngine.HOST
                    + "; start one with scripts/docker-engine start (as root)");
            System.exit(2);
        }
        List<String> arguments = Arrays.asList(args);
        Settings settings = arguments.contains("--smoke") ? Settings.smoke() : Settings.standard();
        run(arguments.contains("--density-only") ? settings.densityOnly() : settings, System.out);
        System.exit(0);
    }

    static Result run(Settings settings, PrintStream out) throws Exception {
        DockerClient docker = DockerEngine.client();
        Path work = Files.createTempDirectory("stowage-bench-containers-");
        try {
            out.printf(
                    Locale.ROOT,
                    "Copies as containers: Docker Engine %s, %d CPUs, %.1f GiB available, load average %.2f, Java %s,"
                            + " %s %s%n",
                    docker.versionCmd().exec().getVersion(),
                    Runtime.getRuntime().availableProcessors(),
                    MachineReadings.availableMemoryMib() / 1024,
                    MachineReadings.loadAverage(),
                    System.getProperty("java.version"),
                    System.getProperty("os.name"),
                    System.getProperty("os.arch"));
            String byoc = TestImages.ensure(docker, TestImage.BYOC_SKLEARN);
            String quick = TestImages.ensure(docker, TestImage.EXIT_AFTER_SERVING);
            Path buckets = work.resolve("buckets");
            TrainedModel model = TrainedModel.train(docker, work.resolve("training"));
            ModelArtifacts.pad(model, settings.artifactPaddingMib(), ModelArtifacts.object(buckets, ARTIFACT));
            ModelArtifacts.copy(model, ModelArtifacts.object(buckets, SMALL_ARTIFACT));
            BenchHosts hosts =
                    new BenchHosts(docker, "bench-" + ProcessHandle.current().pid(), work.resolve("hosts"), buckets);

            List<ColdStartSplit.Run> coldStarts = List.of();
            if (settings.coldStartRuns() > 0) {
                coldStarts = coldStart(settings, docker, hosts, model, out);
                out.println();
            }
            if (settings.overheadCalls() > 0) {
                ContainerRouterOverhead.measure(settings, hosts, quick, out);
                out.println();
            }
            List<CopyDensity.Step> density = CopyDensity.measure(settings, hosts, byoc, SMALL_ARTIFACT, out);
            out.printf(Locale.ROOT, "Load average at the end: %.2f%n", MachineReadings.loadAverage());
            return new Result(coldStarts, density);
        } finally {
            deleteQuietly(work);
        }
    }

    private static List<ColdStartSplit.Run> coldStart(
            Settings settings, DockerClient docker, BenchHosts hosts, TrainedModel model, PrintStream out)
            throws Exception {
        List<ColdStartSplit.Run> runs;
        try (TestRegistry registry = TestRegistry.start()) {
            long pushing = System.nanoTime();
            RegistryImage image = RegistryImage.push(docker, registry, settings.coldStartImage(), settings.realPull());
            out.printf(
                    Locale.ROOT,
                    "  pushed %s to the registry in %.1f s%n",
                    image.reference(),
                    (System.nanoTime() - pushing) / 1e9);
            var inputs = new ColdStartSplit.Inputs(
                    image, ARTIFACT, Files.size(ModelArtifacts.object(hosts.buckets(), ARTIFACT)), Map.of());
            runs = settings.realPull()
                    ? image.withoutLocalLayers(out, () -> ColdStartSplit.measure(settings, hosts, inputs, out))
                    : ColdStartSplit.measure(settings, hosts, inputs, out);
        }
        ServerReadiness.measure(
                docker, TestImages.ensure(docker, settings.coldStartImage()), model.directory(), 3, out);
        return runs;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
