package dev.stowage.host.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.stowage.host.runtime.CopyLog;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Frees the engine's disk for a pull: when the file system under the engine's root has less than {@value
 * #MIN_FREE_PERCENT} % (or {@value #MIN_FREE_GIB} GiB) free, the images this host pulled that no container uses are
 * removed. Images the host did not pull (someone else's) are never touched.
 */
final class ImageSweep {
    static final int MIN_FREE_PERCENT = 15;
    static final int MIN_FREE_GIB = 10;

    private final DockerClient docker;
    private final BooleanSupplier diskLow;
    private final Set<String> pulled = ConcurrentHashMap.newKeySet();

    ImageSweep(DockerClient docker) {
        this.docker = docker;
        this.diskLow = this::low;
    }

    /** A sweep that asks {@code diskLow} whether the disk is low (tests). */
    ImageSweep(DockerClient docker, BooleanSupplier diskLow) {
        this.docker = docker;
        this.diskLow = diskLow;
    }

    void pulled(String image) {
        pulled.add(image);
    }

    boolean wasPulled(String image) {
        return pulled.contains(image);
    }

    /** Removes unused pulled images when the disk is low; says in {@code log} what it removed. */
    void ifDiskLow(CopyLog log) {
        if (!diskLow.getAsBoolean()) {
            return;
        }
        for (String image : Set.copyOf(pulled)) {
            if (remove(image)) {
                log.line("the disk is low: removed image " + image + ", which no copy on this host uses");
            }
        }
    }

    /**
     * Removes {@code image} when no container (of any state, anyone's) was made from it by that name: the Engine lets
     * a name of an image with several go even while a container made by it runs. Returns whether it went.
     */
    boolean remove(String image) {
        try {
            if (docker.listContainersCmd().withShowAll(true).exec().stream()
                    .anyMatch(container -> image.equals(container.getImage()))) {
                return false;
            }
            docker.removeImageCmd(image).withForce(false).exec();
            pulled.remove(image);
            return true;
        } catch (NotFoundException e) {
            pulled.remove(image);
            return false;
        } catch (ConflictException e) {
            return false; // a container made from it since
        }
    }

    private boolean low() {
        try {
            String root = docker.infoCmd().exec().getDockerRootDir();
            if (root == null || !Files.exists(Path.of(root))) {
                return false;
            }
            FileStore store = Files.getFileStore(Path.of(root));
            long free = store.getUsableSpace();
            return free * 100 < store.getTotalSpace() * MIN_FREE_PERCENT
                    || free < (long) MIN_FREE_GIB * 1024 * 1024 * 1024;
        } catch (IOException | DockerException | SecurityException e) {
            return false;
        }
    }
}
