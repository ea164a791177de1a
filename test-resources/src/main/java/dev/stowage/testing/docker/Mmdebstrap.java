package dev.stowage.testing.docker;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Makes a Debian root file system tarball with mmdebstrap, from the Debian mirror this machine's apt uses. */
final class Mmdebstrap {
    private static final long TIMEOUT_MINUTES = 20;
    private static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";
    private static final Pattern DEB822_URI = Pattern.compile("(?m)^URIs:\\s*(\\S+/debian)/?\\s*$");
    private static final Pattern ONE_LINE_URI = Pattern.compile("(?m)^deb\\s+(?:\\[[^\\]]*]\\s+)?(\\S+/debian)/?\\s");

    private Mmdebstrap() {}

    /** Writes {@code fs} to {@code tarball}; mmdebstrap's output goes to {@code log}. */
    static void build(ImageRecipe.RootFileSystem fs, Path tarball, Path log) throws IOException, InterruptedException {
        Files.deleteIfExists(tarball);
        var command = new ArrayList<String>(List.of(
                "mmdebstrap",
                "--variant=" + fs.variant(),
                "--include=" + String.join(",", fs.packages()),
                // Snapshot mirrors serve Release files past their Valid-Until date; the host's apt ignores it too.
                "--aptopt=Acquire::Check-Valid-Until \"false\"",
                fs.suite(),
                tarball.toString(),
                "deb " + mirror() + " " + fs.suite() + " main"));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                // With no terminal on stdin mmdebstrap may read sources from it: give it nothing.
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        // Its temporary chroot is as large as the image (~1 GB with scikit-learn): keep it beside the tarball.
        builder.environment().put("TMPDIR", tarball.getParent().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run mmdebstrap (" + e.getMessage() + "): install it with scripts/docker-engine start", e);
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "mmdebstrap took over " + TIMEOUT_MINUTES + " minutes for " + fs + "; its log:\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            Files.deleteIfExists(tarball);
            throw new IllegalStateException("mmdebstrap failed (exit " + process.exitValue() + ") for " + fs + " from "
                    + mirror() + "; its log:\n" + tail(log));
        }
    }

    /**
     * {@code STOWAGE_DEBIAN_MIRROR}, else the first Debian archive in this machine's apt sources, else
     * deb.debian.org.
     */
    static String mirror() {
        String configured = System.getenv("STOWAGE_DEBIAN_MIRROR");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return hostMirror().orElse(DEFAULT_MIRROR);
    }

    private static Optional<String> hostMirror() {
        var sources = new ArrayList<Path>();
        sources.add(Path.of("/etc/apt/sources.list"));
        Path dir = Path.of("/etc/apt/sources.list.d");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{list,sources}")) {
                files.forEach(sources::add);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        for (Path source : sources) {
            if (!Files.isReadable(source)) {
                continue;
            }
            try {
                String text = Files.readString(source);
                for (Pattern pattern : List.of(DEB822_URI, ONE_LINE_URI)) {
                    Matcher matcher = pattern.matcher(text);
                    if (matcher.find()) {
                        return Optional.of(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                // An unreadable source file names no mirror.
            }
        }
        return Optional.empty();
    }

    static String tail(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
