package dev.stowage.host.copies;

import java.io.IOException;

/**
 * An {@code s3://bucket/key} artifact URL: a single object, or every object under a prefix when the key ends in
 * {@code /} (or is empty). Keys with {@code ..} segments are refused, as they would leave the copy's folder.
 */
public record S3Location(String bucket, String key) {
    public static final String SCHEME = "s3://";

    /** The location an {@code s3://} URL names. */
    public static S3Location parse(String url) throws IOException {
        if (!url.startsWith(SCHEME)) {
            throw new IOException("The artifact URL " + url + " is not an s3:// URL.");
        }
        String rest = url.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty() || bucket.contains("..") || key.contains("..")) {
            throw new IOException("The artifact URL " + url + " is not a valid s3://bucket/key.");
        }
        return new S3Location(bucket, key);
    }

    public boolean isPrefix() {
        return key.isEmpty() || key.endsWith("/");
    }

    /** The same location taken as a prefix: {@code key/}. */
    public S3Location asPrefix() {
        return isPrefix() ? this : new S3Location(bucket, key + "/");
    }

    /** The last segment of the key: the file name an object is saved under. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}
