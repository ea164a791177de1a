package dev.stowage.testing.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.command.BuildImageResultCallback;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@link TestImage}s, built once per machine and offline: mmdebstrap makes a Debian root file system from
 * Debian's packages, the Engine imports it as a base image (shared by recipes that need the same packages), and a
 * generated Dockerfile adds the recipe's files, {@code ENTRYPOINT}, {@code ENV} and {@code EXPOSE} on top. Images
 * are tagged by a hash of their recipe ({@code stowage-test/<name>:<hash>}) and labelled {@value #LABEL}, so an
 * unchanged recipe reuses the image already in the Engine and a changed one gets a new tag.
 *
 * <p>Safe when several test JVMs ask at once: builds hold a file lock in {@link #cacheDirectory()}. The first
 * build of the scikit-learn image takes about a minute; a reuse takes milliseconds.
 */
public final class TestImages {
    /**
     * The label every test image carries, its value the recipe name ({@code base} for the imported root file
     * systems, {@code stowage-test/base:<hash>}).
     */
    public static final String LABEL = "dev.stowage.test-image";

    private static final System.Logger LOG = System.getLogger(TestImages.class.getName());
    private static final long BUILD_TIMEOUT_MINUTES = 10;
    private static final Set<String> PRESENT = ConcurrentHashMap.newKeySet();

    private TestImages() {}

    /** The reference {@code image} has, or will have once built: {@code stowage-test/<name>:<recipe hash>}. */
    public static String reference(TestImage image) {
        return ImageRecipe.load(image).reference();
    }

    /**
     * The reference of the base image {@code image} is built on, {@code stowage-test/base:<hash of its packages>}:
     * recipes naming the same packages share it.
     */
    public static String baseReference(TestImage image) {
        return ImageRecipe.load(image).base().reference();
    }

    /**
     * Runs {@code work} holding the lock that {@link #ensure} takes before it builds, so that a test JVM finding an
     * image missing meanwhile waits for {@code work} to end and then finds it again instead of building it: for a
     * benchmark that takes an image off the Engine for a while and puts it back. {@code work} must not call {@link
     * #ensure} (this JVM holds the lock).
     */
    public static <T> T holdingBuilds(Callable<T> work) throws Exception {
        synchronized (TestImages.class) {
            try (FileChannel channel =
                            FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return work.call();
            }
        }
    }

    /** Builds {@code image} unless the Engine already has it, and returns its reference. */
    public static String ensure(DockerClient docker, TestImage image) {
        ImageRecipe recipe = ImageRecipe.load(image);
        String reference = recipe.reference();
        if (PRESENT.contains(reference)) {
            return reference;
        }
        synchronized (TestImages.class) {
            if (!exists(docker, reference)) {
                try (FileChannel channel =
                                FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    if (!exists(docker, reference)) {
                        build(docker, recipe);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot build test image " + reference, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while building test image " + reference, e);
                }
            }
            PRESENT.add(reference);
        }
        return reference;
    }

    /**
     * Where root file systems are made and build logs kept: {@code $STOWAGE_TEST_IMAGE_CACHE}, else {@code
     * /var/tmp/stowage-test-images}. Tarballs are deleted once imported.
     */
    public static Path cacheDirectory() {
        String configured = System.getenv("STOWAGE_TEST_IMAGE_CACHE");
        return Path.of(configured == null || configured.isBlank() ? "/var/tmp/stowage-test-images" : configured);
    }

    private static Path lockFile() throws IOException {
        Path cache = Files.createDirectories(cacheDirectory());
        return cache.resolve("build.lock");
    }

    private static void build(DockerClient docker, ImageRecipe recipe) throws IOException, InterruptedException {
        String base = recipe.base().reference();
        if (!exists(docker, base)) {
            importBase(docker, recipe.base(), base);
        }
        long start = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, "building test image {0} on {1}", recipe.reference(), base);
        var callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null && !item.getStream().isBlank()) {
                    LOG.log(System.Logger.Level.DEBUG, item.getStream().stripTrailing());
                }
                super.onNext(item);
            }
        };
        docker.buildImageCmd()
                .withTarInputStream(new ByteArrayInputStream(recipe.buildContext(base)))
                .withTags(Set.of(recipe.reference()))
                .withLabels(Map.of(LABEL, recipe.name()))
                .withPull(false)
                // Offline by construction: a build step that reaches for the network fails here, not in CI.
                .withNetworkMode("none")
                .withForcerm(true)
                .exec(callback)
                .awaitImageId(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        LOG.log(
                System.Logger.Level.INFO,
                "built test image {0} in {1,number,#} ms",
                recipe.reference(),
                millisSince(start));
    }

    private static void importBase(DockerClient docker, ImageRecipe.RootFileSystem fs, String base)
            throws IOException, InterruptedException {
        String fileName = base.replace('/', '-').replace(':', '-');
        Path cache = Files.createDirectories(cacheDirectory());
        Path tarball = cache.resolve(fileName + ".tar");
        long start = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, "making root file system {0} with mmdebstrap: {1}", base, fs);
        Mmdebstrap.build(fs, tarball, cache.resolve(fileName + ".log"));
        long built = System.nanoTime();
        try (InputStream in = Files.newInputStream(tarball)) {
            importRootFileSystem(docker, in, base);
        } finally {
            Files.deleteIfExists(tarball);
        }
        if (!exists(docker, base)) {
            throw new IllegalStateException("the Engine did not keep the imported root file system " + base);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "made {0}: mmdebstrap {1,number,#} ms, import {2,number,#} ms",
                base,
                (built - start) / 1_000_000,
                millisSince(built));
    }

    /**
     * {@code POST /images/create?fromSrc=-} (what {@code docker import} does), sent through docker-java's transport:
     * docker-java 3.5.1's {@code createImageCmd(repository, InputStream)} serializes the stream object as JSON
     * instead of sending its bytes, and the Engine answers "unexpected EOF".
     */
    private static void importRootFileSystem(DockerClient docker, InputStream tarball, String reference)
            throws IOException {
        if (!(docker instanceof DockerClientImpl impl)) {
            throw new IllegalArgumentException("importing needs docker-java's DockerClientImpl, as DockerEngine gives");
        }
        int colon = reference.lastIndexOf(':');
        String query = "fromSrc=-&repo=" + encode(reference.substring(0, colon)) + "&tag="
                + encode(reference.substring(colon + 1)) + "&changes=" + encode("LABEL " + LABEL + "=base");
        var request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/images/create?" + query)
                .putHeader("Content-Type", "application/x-tar")
                .body(tarball)
                .build();
        try (DockerHttpClient.Response response = impl.getHttpClient().execute(request)) {
            String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            // The Engine may answer 200 and put the failure in the progress stream.
            if (response.getStatusCode() != 200 || answer.contains("\"error")) {
                throw new IllegalStateException("the Engine did not import " + reference + ": HTTP "
                        + response.getStatusCode() + " " + answer.strip());
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean exists(DockerClient docker, String reference) {
        try {
            docker.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
