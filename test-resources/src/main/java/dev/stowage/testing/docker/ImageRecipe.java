package dev.stowage.testing.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * One recipe from {@code test-images/<name>/} on the class path: {@code recipe.properties} (the base's mmdebstrap
 * {@code variant} and {@code packages}, the {@code files} of the build context, and the {@code shared} ones from
 * {@code test-images/shared/}), a {@code Dockerfile} whose {@code
 * FROM {{base}}} names the base, and the files. Tags are hashes of what the build reads, so a changed recipe
 * gets a new tag and an unchanged one finds its image again.
 */
record ImageRecipe(String name, RootFileSystem base, String dockerfile, Map<String, byte[]> files, String tag) {
    static final String SUITE = "bookworm";
    /** Bumped when the way images are made changes without any recipe changing. */
    private static final String FORMAT = "stowage-test-image/1";

    private static final String ROOT = "/test-images/";
    /** Files several recipes take ({@code shared=} in their properties), from {@code test-images/shared/}. */
    private static final String SHARED = "shared";

    static ImageRecipe load(TestImage image) {
        String name = image.recipeName();
        var properties = new Properties();
        try {
            properties.load(new java.io.StringReader(text(name, "recipe.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var base = new RootFileSystem(
                SUITE,
                required(properties, name, "variant"),
                Arrays.stream(required(properties, name, "packages").split("[\\s,]+"))
                        .sorted()
                        .toList());
        String dockerfile = text(name, "Dockerfile");
        var files = new LinkedHashMap<String, byte[]>();
        for (String file : properties.getProperty("files", "").trim().split("\\s+")) {
            if (!file.isEmpty()) {
                files.put(file, bytes(name, file));
            }
        }
        for (String file : properties.getProperty("shared", "").trim().split("\\s+")) {
            if (!file.isEmpty()) {
                files.put(file, bytes(SHARED, file));
            }
        }
        var digest = sha256();
        update(digest, FORMAT);
        update(digest, base.key());
        update(digest, dockerfile);
        files.forEach((file, content) -> {
            update(digest, file);
            digest.update(content);
        });
        return new ImageRecipe(name, base, dockerfile, Map.copyOf(files), shortHex(digest));
    }

    /** {@code stowage-test/<name>:<hash>}. */
    String reference() {
        return "stowage-test/" + name + ":" + tag;
    }

    /** The build context: the Dockerfile, its {@code {{base}}} replaced by {@code baseImage}, and the files. */
    byte[] buildContext(String baseImage) {
        var out = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(out)) {
            add(tar, "Dockerfile", dockerfile.replace("{{base}}", baseImage).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                add(tar, file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A Debian root file system made by mmdebstrap; recipes with equal ones share one base image. */
    record RootFileSystem(String suite, String variant, List<String> packages) {
        String key() {
            return FORMAT + "\nsuite=" + suite + "\nvariant=" + variant + "\npackages=" + String.join(",", packages);
        }

        /** {@code stowage-test/base:<hash>}. */
        String reference() {
            var digest = sha256();
            update(digest, key());
            return "stowage-test/base:" + shortHex(digest);
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        var entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0100644);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static String required(Properties properties, String recipe, String key) {
        String value = properties.getProperty(key, "").trim();
        if (value.isEmpty()) {
            throw new IllegalStateException("test image recipe " + recipe + " has no " + key);
        }
        return value;
    }

    private static String text(String recipe, String file) {
        return new String(bytes(recipe, file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String recipe, String file) {
        try (InputStream in = ImageRecipe.class.getResourceAsStream(ROOT + recipe + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no " + ROOT + recipe + "/" + file + " on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static String shortHex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
