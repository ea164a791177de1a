package dev.stowage.host.copies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Local mode's stand-in for S3: {@code s3://bucket/key} is {@code <root>/bucket/key}. A folder is used in place; a
 * single file is copied into the target folder.
 */
public record BucketFolder(Path root) implements ArtifactStore {

    /**
     * Where {@code location} lives under the root; does not check that it exists.
     *
     * @throws IOException when the key would lead out of its bucket's folder (a leading slash, {@code ..})
     */
    public Path resolve(S3Location location) throws IOException {
        Path bucket = root.resolve(location.bucket()).normalize();
        Path resolved = bucket.resolve(location.key().replaceFirst("^/+", "")).normalize();
        if (!bucket.startsWith(root.normalize()) || !resolved.startsWith(bucket)) {
            throw new IOException("The artifact URL " + location + " leads out of its bucket.");
        }
        return resolved;
    }

    @Override
    public Path fetch(S3Location location, Path target) throws IOException {
        Path source = resolve(location);
        if (!Files.exists(source)) {
            throw new IOException(
                    "The model artifact " + location + " was not found. Local mode reads s3://<bucket>/<key>"
                            + " from hosts/buckets/<bucket>/<key> under the data dir that ./stowage up was given with"
                            + " --data-dir; put the object there.");
        }
        return copyIfFile(source, location.toString(), target);
    }

    /** A file or folder read where it is (a {@code file://} URL or a path), copied into {@code target} if a file. */
    static Path copyIfFile(Path source, String url, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            return source;
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException("The model artifact " + url + " was not found.");
        }
        Files.createDirectories(target);
        Files.copy(source, target.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
