package dev.stowage.bench;

import dev.stowage.testing.docker.TrainedModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** The benchmark's model artifacts, put where the host's local buckets are ({@code s3://bucket/key}). */
final class ModelArtifacts {
    private static final int MIB = 1024 * 1024;
    private static final long SEED = 42;

    private ModelArtifacts() {}

    /** Where the object {@code s3://bucket/key} lives under {@code buckets}. */
    static Path object(Path buckets, String url) {
        return buckets.resolve(url.substring("s3://".length()));
    }

    /** The trained model's own {@code model.tar.gz}, as it is. */
    static void copy(TrainedModel model, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(model.archive(), target);
    }

    /**
     * A {@code model.tar.gz} of the trained model's files plus {@code weights.bin}: {@code paddingMib} MiB of seeded
     * random bytes (incompressible), standing in for the weights of a model worth downloading. The server ignores it.
     */
    static void pad(TrainedModel model, int paddingMib, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(target)));
                Stream<Path> files = Files.list(model.directory())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                tar.putArchiveEntry(
                        new TarArchiveEntry(file.toFile(), file.getFileName().toString()));
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
            TarArchiveEntry weights = new TarArchiveEntry("weights.bin");
            weights.setSize((long) paddingMib * MIB);
            tar.putArchiveEntry(weights);
            writeRandom(tar, paddingMib);
            tar.closeArchiveEntry();
        }
    }

    private static void writeRandom(OutputStream out, int mib) throws IOException {
        Random random = new Random(SEED);
        byte[] block = new byte[MIB];
        for (int i = 0; i < mib; i++) {
            random.nextBytes(block);
            out.write(block);
        }
    }
}
