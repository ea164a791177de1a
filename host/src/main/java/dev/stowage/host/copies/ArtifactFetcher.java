package dev.stowage.host.copies;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Brings a copy's model artifact ({@code ArtifactUrl}) onto the host. {@code s3://bucket/key} comes from the {@link
 * ArtifactStore} (S3 on AWS; locally a folder standing in for buckets); {@code file://} URLs and plain paths are read
 * where they are. A folder is used in place; a single file (for example {@code model.tar.gz}) lands in the copy's
 * own folder under the work dir, so that the runtime sees a folder either way.
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

    /** The folder holding the artifact for {@code copyId}; fails with a message that names where it looked. */
    public Path fetch(String copyId, String artifactUrl) throws IOException {
        String url = artifactUrl.strip();
        Path target = workDir.resolve(copyId).resolve("model");
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
