package dev.stowage.host.copies;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Brings a copy's model artifact ({@code ArtifactUrl}) onto the host. {@code s3://bucket/key} comes from the {@link
 * ArtifactStore} (S3 on AWS; locally a folder standing in for buckets); {@code file://} URLs and plain paths are read
 * where they are. A folder is used in place; a single file lands in the copy's own folder under the work dir, so
 * that the runtime sees a folder either way, and a {@code model.tar.gz} there is unpacked as SageMaker unpacks it
 * into {@code /opt/ml/model} ({@link ModelArchive}).
 */
public final class ArtifactFetcher {
    private final ArtifactStore store;
    private final Path workDir;

    public ArtifactFetcher(ArtifactStore store, Path workDir) {
        this.store = store;
        this.workDir = workDir;
    }

    /** Local mode: {@code s3://bucket/key} is {@code <bucketRoot>/bucket/key}. */
    public ArtifactFetcher(Path bucketRoot, Path workDir) {
        this(new BucketFolder(bucketRoot), workDir);
    }

    /**
     * The folder holding the artifact for {@code copyId}, with a {@code .tar.gz} or {@code .tgz} object unpacked in it
     * (and the archive itself removed); fails with a message that names where it looked.
     */
    public Path fetch(String copyId, String artifactUrl) throws IOException {
        Path target = workDir.resolve(copyId).resolve("model");
        Path folder = fetchAs(artifactUrl.strip(), artifactUrl, target);
        if (folder.equals(target) && ModelArchive.isArchive(artifactUrl)) {
            Path fetched = target.resolve(fileName(artifactUrl.strip()));
            if (Files.isRegularFile(fetched)) {
                // Out of the folder first, so that the archive's own entries cannot collide with it.
                Path archive = Files.move(
                        fetched, target.resolveSibling("artifact.tar.gz"), StandardCopyOption.REPLACE_EXISTING);
                ModelArchive.unpack(archive, target, artifactUrl);
                Files.delete(archive);
            }
        }
        return folder;
    }

    private static String fileName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private Path fetchAs(String url, String artifactUrl, Path target) throws IOException {
        if (url.startsWith(S3Location.SCHEME)) {
            return store.fetch(S3Location.parse(url), target);
        }
        if (url.startsWith("file:")) {
            return BucketFolder.copyIfFile(Path.of(URI.create(url)), artifactUrl, target);
        }
        if (url.contains("://")) {
            throw new IOException("The artifact URL " + artifactUrl + " is neither s3:// nor file://.");
        }
        return BucketFolder.copyIfFile(Path.of(url), artifactUrl, target);
    }
}
