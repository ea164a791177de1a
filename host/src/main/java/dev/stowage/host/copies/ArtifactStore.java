package dev.stowage.host.copies;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where {@code s3://} artifacts come from: S3 itself on AWS ({@link S3ArtifactStore}), a folder standing in for the
 * buckets locally ({@link BucketFolder}). Implementations are safe for concurrent use by different copies.
 */
public interface ArtifactStore {

    /**
     * Makes {@code location} readable on this host and returns where: a single object as a file inside {@code
     * target}, a prefix as a folder. {@code target} (the copy's own folder) may be used or not.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such object or prefix, with a message naming it
     * @throws IOException when it cannot be read
     */
    Path fetch(S3Location location, Path target) throws IOException;
}
