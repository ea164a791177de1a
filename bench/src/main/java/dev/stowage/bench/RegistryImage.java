package dev.stowage.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.stowage.host.docker.RegistryAuth;
import dev.stowage.host.docker.StaticRegistryAuth;
import dev.stowage.testing.docker.TestImage;
import dev.stowage.testing.docker.TestImages;
import dev.stowage.testing.docker.TestRegistry;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A test image pushed to a {@link TestRegistry}, for copies that pull it. {@link #withoutLocalLayers} makes those
 * pulls real: it removes the local tags that hold the image's layers (the image's own and its base's, see {@link
 * TestImages#baseReference}), checks that no layer is left on the Engine, runs the work, and puts the tags back by
 * pulling both images from the registry again (same image ids, so no test rebuilds them). While the tags are away it
 * holds the test images' build lock, so a test JVM that needs the image waits instead of building it.
 */
final class RegistryImage {
    private static final String REPOSITORY = "bench/";
    private static final long PULL_TIMEOUT_MINUTES = 10;
    private static final long CONTAINERS_GONE_SECONDS = 300;

    private final DockerClient docker;
    private final TestRegistry registry;
    private final String reference;
    /** Local test-image reference → the same image's reference in the registry. */
    private final Map<String, String> localToPushed = new LinkedHashMap<>();

    private RegistryImage(DockerClient docker, TestRegistry registry, String reference) {
        this.docker = docker;
        this.registry = registry;
        this.reference = reference;
    }

    /**
     * Pushes {@code image} (built if missing) and, when {@code withBase}, its base image to {@code registry}. Pushing
     * the 916 MB scikit-learn image takes about 45 s on 2 cores.
     */
    static RegistryImage push(DockerClient docker, TestRegistry registry, TestImage image, boolean withBase)
            throws InterruptedException {
        String local = TestImages.ensure(docker, image);
        String tag = local.substring(local.lastIndexOf(':') + 1);
        String pushed = registry.push(docker, local, REPOSITORY + image.recipeName(), tag);
        RegistryImage result = new RegistryImage(docker, registry, pushed);
        result.localToPushed.put(local, pushed);
        if (withBase) {
            String base = TestImages.baseReference(image);
            String baseTag = base.substring(base.lastIndexOf(':') + 1);
            result.localToPushed.put(base, registry.push(docker, base, REPOSITORY + "base", baseTag));
        }
        return result;
    }

    /** The image's reference in the registry: what copies name and pull. */
    String reference() {
        return reference;
    }

    /** Credentials for the registry, as the host's engine takes them. */
    RegistryAuth auth() {
        return new StaticRegistryAuth(Map.of(
                registry.address(), new StaticRegistryAuth.Credentials(TestRegistry.USERNAME, registry.password())));
    }

    /** Removes the registry's image from the Engine (a host that cached it leaves it), so the next copy pulls. */
    void removePulled() {
        remove(reference);
    }

    /**
     * Runs {@code work} with none of the image's layers on the Engine, then restores the local tags; says on {@code
     * out} what it removed and restored. Fails before {@code work} when a layer cannot be removed (a container or
     * another image still uses it): then a pull would not be a real pull.
     */
    <T> T withoutLocalLayers(PrintStream out, Callable<T> work) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        localToPushed
                .keySet()
                .forEach(local ->
                        ids.put(local, docker.inspectImageCmd(local).exec().getId()));
        List<String> layers =
                docker.inspectImageCmd(reference).exec().getRootFS().getLayers();
        return TestImages.holdingBuilds(() -> {
            Thread restoreOnExit = new Thread(() -> restore(ids, out), "restore-test-images");
            Runtime.getRuntime().addShutdownHook(restoreOnExit);
            try {
                awaitNoContainerUses(ids.get(localToPushed.keySet().iterator().next()), out);
                localToPushed.forEach((local, pushed) -> {
                    remove(local);
                    remove(pushed);
                });
                Set<String> left = layersLeft(layers);
                if (!left.isEmpty()) {
                    throw new IllegalStateException("layers of " + reference + " are still on the Engine (" + left
                            + "): a pull would not be a real pull");
                }
                out.println("  removed " + String.join(", ", localToPushed.keySet()) + " and " + reference
                        + ": none of its " + layers.size() + " layers is on the Engine");
                return work.call();
            } finally {
                restore(ids, out);
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            }
        });
    }

    /** Puts each local tag back on the image pulled again from the registry; checks the ids are the original ones. */
    private synchronized void restore(Map<String, String> ids, PrintStream out) {
        localToPushed.forEach((local, pushed) -> {
            if (present(local)) {
                return;
            }
            if (!present(pushed)) {
                pull(pushed);
            }
            int colon = local.lastIndexOf(':');
            docker.tagImageCmd(pushed, local.substring(0, colon), local.substring(colon + 1))
                    .exec();
            String id = docker.inspectImageCmd(local).exec().getId();
            out.println("  restored " + local
                    + (Objects.equals(id, ids.get(local))
                            ? ""
                            : " (a new image id " + id + ": tests will rebuild it)"));
        });
    }

    private void pull(String image) {
        int colon = image.lastIndexOf(':');
        try {
            docker.pullImageCmd(image.substring(0, colon))
                    .withTag(image.substring(colon + 1))
                    .withAuthConfig(registry.credentials())
                    .exec(new PullImageResultCallback())
                    .awaitCompletion(PULL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pulling " + image, e);
        }
    }

    /** Waits until no container (another test's) runs from the image, since its layers could not go meanwhile. */
    private void awaitNoContainerUses(String imageId, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONTAINERS_GONE_SECONDS);
        boolean said = false;
        while (!docker.listContainersCmd()
                .withShowAll(true)
                .withAncestorFilter(List.of(imageId))
                .exec()
                .isEmpty()) {
            if (!said) {
                out.println("  waiting for other containers of " + imageId + " to end");
                said = true;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("containers of " + imageId + " ran for " + CONTAINERS_GONE_SECONDS
                        + " s: its layers cannot be removed for a real pull");
            }
            Thread.sleep(2000);
        }
    }

    /** The layers of {@code layers} that some image on the Engine still has. */
    private Set<String> layersLeft(List<String> layers) {
        Set<String> left = new HashSet<>();
        for (Image image : docker.listImagesCmd().withShowAll(true).exec()) {
            InspectImageResponse inspected;
            try {
                inspected = docker.inspectImageCmd(image.getId()).exec();
            } catch (NotFoundException e) {
                continue;
            }
            if (inspected.getRootFS() != null && inspected.getRootFS().getLayers() != null) {
                inspected.getRootFS().getLayers().stream()
                        .filter(layers::contains)
                        .forEach(left::add);
            }
        }
        return left;
    }

    private boolean present(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void remove(String image) {
        try {
            docker.removeImageCmd(image).exec();
        } catch (NotFoundException e) {
            // not there: nothing to remove
        } catch (ConflictException e) {
            throw new IllegalStateException("cannot remove " + image + ": " + e.getMessage(), e);
        }
    }
}
