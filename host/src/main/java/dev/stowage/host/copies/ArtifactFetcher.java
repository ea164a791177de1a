package dev.stowage.host.copies;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Brings a copy's model artifact ({@code ArtifactUrl}) onto the host. Locally a folder stands in for S3: {@code
 * s3://bucket/key} is {@code <bucket root>/bucket/key}; {@code file://} URLs and plain paths are read where they
 * are. A folder is used in place; a single file (for example {@code model.tar.gz}) is copied into the copy's own
 * folder under the work dir, so that the runtime sees a folder either way.
 */
public final class ArtifactFetcher {
    private final Path bucketRoot;
    private final Path workDir;

    public ArtifactFetcher(Path bucketRoot, Path workDir) {
        this.bucketRoot = bucketRoot;
        this.workDir = workDir;
    }

    /** Where {@code artifactUrl} lives on this host; does not check that it exists. */
    public Path resolve(String artifactUrl) throws IOException {
        String url = artifactUrl.strip();
        if (url.startsWith("s3://")) {
            String rest = url.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            if (bucket.isEmpty() || bucket.contains("..") || key.contains("..")) {
                throw new IOException("The artifact URL " + artifactUrl + " is not a valid s3://bucket/key.");
            }
            return bucketRoot.resolve(bucket).resolve(key).normalize();
        }
        if (url.startsWith("file:")) {
            return Path.of(URI.create(url));
        }
        if (url.contains("://")) {
            throw new IOException("The artifact URL " + artifactUrl + " is neither s3:// nor file://.");
        }
        return Path.of(url);
    }

    /** The folder holding the artifact for {@code copyId}; fails with a message that names where it looked. */
    public Path fetch(String copyId, String artifactUrl) throws IOException {
        Path source = resolve(artifactUrl);
        if (Files.isDirectory(source)) {
            return source;
        }
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(
                    source.toString(), null, "The model artifact " + artifactUrl + " was not found");
        }
        Path target = workDir.resolve(copyId).resolve("model");
        Files.createDirectories(target);
        Files.copy(source, target.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
