package dev.stowage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Model artifacts as SageMaker takes them: gzip-compressed tar archives ({@code model.tar.gz}). */
public final class ModelArchives {
    private ModelArchives() {}

    /**
     * Writes {@code archive} (and its folders) holding {@code files}: entry name to text, in the order given. A name
     * ending in {@code /} is a folder and its text is ignored.
     */
    public static Path write(Path archive, Map<String, String> files) throws IOException {
        Files.createDirectories(archive.toAbsolutePath().getParent());
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(archive)))) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                var entry = new TarArchiveEntry(file.getKey());
                byte[] content = file.getKey().endsWith("/")
                        ? new byte[0]
                        : file.getValue().getBytes(StandardCharsets.UTF_8);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }
}
