package dev.stowage.host.copies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Artifacts from S3 with the instance role. A single object ({@code GetObject}) is streamed into the copy's folder
 * under its file name; a prefix ({@code ListObjectsV2}, every page) has each of its objects streamed there under its
 * key relative to the prefix. A key without a trailing {@code /} that names no object is tried as a prefix, as the
 * local bucket folder takes a folder either way.
 *
 * <p>IAM: {@code s3:GetObject} on the artifact objects and {@code s3:ListBucket} on their buckets.
 */
public final class S3ArtifactStore implements ArtifactStore {
    private final S3Client s3;

    public S3ArtifactStore(S3Client s3) {
        this.s3 = s3;
    }

    /** The store of a host on EC2: region and instance role from the environment. */
    public static S3ArtifactStore fromEnvironment() {
        return new S3ArtifactStore(S3Client.create());
    }

    @Override
    public Path fetch(S3Location location, Path target) throws IOException {
        try {
            if (!location.isPrefix()) {
                try {
                    download(location.bucket(), location.key(), target.resolve(location.fileName()));
                    return target;
                } catch (NoSuchKeyException notAnObject) {
                    // Perhaps a folder: read it as a prefix.
                }
            }
            return fetchPrefix(location.asPrefix(), location, target);
        } catch (SdkException e) {
            throw new IOException("Could not read " + location + ": " + e.getMessage(), e);
        }
    }

    private Path fetchPrefix(S3Location prefix, S3Location asked, Path target) throws IOException {
        int objects = 0;
        for (S3Object object : s3.listObjectsV2Paginator(
                        b -> b.bucket(prefix.bucket()).prefix(prefix.key()))
                .contents()) {
            String relative = object.key().substring(prefix.key().length());
            if (relative.isEmpty() || relative.endsWith("/")) {
                continue;
            }
            Path file = target.resolve(relative).normalize();
            if (!file.startsWith(target)) {
                throw new IOException("The object " + object.key() + " would leave the copy's folder.");
            }
            download(prefix.bucket(), object.key(), file);
            objects++;
        }
        if (objects == 0) {
            throw new NoSuchFileException(asked.toString(), null, "The model artifact " + asked + " was not found");
        }
        return target;
    }

    private void download(String bucket, String key, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
