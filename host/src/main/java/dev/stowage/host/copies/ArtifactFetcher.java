package dev.stowage.host.copies;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

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

    private static final String CACHED = "cached-";
    private static final String COMPLETE = "fetched";

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public ArtifactFetcher(ArtifactStore store, Path workDir) {
        this.store = store;
        this.workDir = workDir;
    }

    /** Local mode: {@code s3://bucket/key} is {@code <bucketRoot>/bucket/key}. */
    public ArtifactFetcher(Path bucketRoot, Path workDir) {
        this(new BucketFolder(bucketRoot), workDir);
    }

    /**
     * The key of {@code artifactUrl}'s cached copy on this host ({@code DataCacheConfig.EnableCaching}): the copies that
     * fetch with it share one folder, fetched once.
     */
    public static String cacheKey(String artifactUrl) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(artifactUrl.strip().getBytes(StandardCharsets.UTF_8));
            return CACHED + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * The folder holding the artifact for {@code key} (a copy id, or a {@link #cacheKey}), with a {@code .tar.gz} or
     * {@code .tgz} object unpacked in it (and the archive itself removed); fails with a message that names where it
     * looked. A cached key that was fetched whole before is not fetched again; concurrent fetches of one key take turns.
     */
    public Path fetch(String key, String artifactUrl) throws IOException {
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Path complete = workDir.resolve(key).resolve(COMPLETE);
            Path target = workDir.resolve(key).resolve("model");
            if (key.startsWith(CACHED) && Files.exists(complete)) {
                return Files.readString(complete).isEmpty() ? target : Path.of(Files.readString(complete));
            }
            Path folder = fetchInto(target, artifactUrl);
            Files.createDirectories(complete.getParent());
            Files.writeString(complete, folder.equals(target) ? "" : folder.toString());
            return folder;
        }
    }

    /** Removes what {@code key} fetched; a cached key's folder stays for the copies to come. */
    public void discard(String key) {
        if (key.startsWith(CACHED)) {
            return;
        }
        Path folder = workDir.resolve(key);
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // What is left is removed by the next discard of the same key, or with the work folder.
        }
    }

    private Path fetchInto(Path target, String artifactUrl) throws IOException {
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
