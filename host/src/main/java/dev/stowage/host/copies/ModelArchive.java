package dev.stowage.host.copies;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A model artifact packed as SageMaker expects it, a gzip-compressed tar archive ({@code model.tar.gz}), unpacked
 * into the folder the copy's runtime reads, as SageMaker unpacks it into {@code /opt/ml/model}. Files, folders and
 * links that stay inside the folder are unpacked; an entry that would land outside it (an absolute path, {@code ..},
 * or a link pointing out) fails the whole artifact, and other entry kinds (devices, fifos) are skipped.
 */
final class ModelArchive {
    private ModelArchive() {}

    /** Whether the artifact at {@code url} is meant as an archive: its name ends in {@code .tar.gz} or {@code .tgz}. */
    static boolean isArchive(String url) {
        String name = url.strip().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar.gz") || name.endsWith(".tgz");
    }

    /**
     * Unpacks {@code archive} into {@code folder}.
     *
     * @throws IOException naming {@code url} when it is not a gzip-compressed tar archive or an entry leaves the folder
     */
    static void unpack(Path archive, Path folder, String url) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path to = inside(root, entry.getName(), url);
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else if (entry.isSymbolicLink()) {
                    inside(root, to.getParent().resolve(entry.getLinkName()).toString(), url);
                    Files.createDirectories(to.getParent());
                    Files.deleteIfExists(to);
                    Files.createSymbolicLink(to, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Path existing = inside(root, entry.getLinkName(), url);
                    Files.createDirectories(to.getParent());
                    Files.copy(existing, to, StandardCopyOption.REPLACE_EXISTING);
                } else if (entry.isFile()) {
                    Files.createDirectories(to.getParent());
                    Files.copy(tar, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new IOException(
                    "The model artifact " + url + " could not be unpacked as a gzip-compressed tar archive: "
                            + e.getMessage(),
                    e);
        }
    }

    private static Path inside(Path root, String name, String url) throws IOException {
        Path to = root.resolve(name).normalize();
        if (!to.startsWith(root)) {
            throw new IOException("the entry " + name + " of " + url + " would land outside the model folder");
        }
        return to;
    }
}
