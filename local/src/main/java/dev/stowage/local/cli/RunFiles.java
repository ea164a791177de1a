package dev.stowage.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The per-user folder where each running {@code stowage up} keeps a {@link RunFile}, so that {@code stowage metrics}
 * and {@code stowage logs} find it without {@code --url}. {@code up} writes its file once it serves and removes it when
 * it stops; the file of a process that died without removing it (kill -9, a crash) is recognised as stale, ignored and
 * removed. The folder is {@code $STOWAGE_RUN_DIR}, else {@code $XDG_RUNTIME_DIR/stowage}, else {@code
 * <java.io.tmpdir>/stowage-<user>}, readable by its owner only.
 */
final class RunFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    RunFiles(Path dir) {
        this.dir = dir;
    }

    /** The folder of this user, chosen from the environment. */
    static RunFiles forUser() {
        return new RunFiles(
                folder(System.getenv(), System.getProperty("java.io.tmpdir"), System.getProperty("user.name")));
    }

    static Path folder(Map<String, String> env, String tmpdir, String user) {
        String explicit = env.get("STOWAGE_RUN_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "stowage");
        }
        return Path.of(tmpdir, "stowage-" + user);
    }

    Path dir() {
        return dir;
    }

    /** Writes {@code run} (atomically) and returns its path. */
    Path write(RunFile run) throws IOException {
        ensureDir();
        ObjectNode json = JSON.createObjectNode()
                .put("pid", run.pid())
                .put(
                        "processStart",
                        run.processStart() == null ? null : run.processStart().toString())
                .put("url", run.url().toString())
                .put("region", run.region())
                .put("dataDir", run.dataDir())
                .put("logFile", run.logFile());
        Path file = dir.resolve(run.fileName());
        Path temporary = Files.createTempFile(dir, run.fileName(), ".tmp");
        Files.writeString(temporary, json.toPrettyString());
        return Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void remove(RunFile run) {
        try {
            Files.deleteIfExists(dir.resolve(run.fileName()));
        } catch (IOException e) {
            // a file left behind is recognised as stale by the next reader
        }
    }

    /** Removes the log files {@code stowage-<pid>.log} of in-memory runs whose process is gone. */
    void removeStaleLogs() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "stowage-*.log*")) {
            for (Path file : files) {
                String pid = file.getFileName().toString().replaceAll("^stowage-(\\d+)\\.log.*$", "$1");
                if (pid.matches("\\d+")
                        && ProcessHandle.of(Long.parseLong(pid))
                                .filter(ProcessHandle::isAlive)
                                .isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // old logs stay; nothing depends on their removal
        }
    }

    /** The instances that run now; the files of those that do not are removed. */
    List<RunFile> running() {
        List<RunFile> running = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return running;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                read(file).filter(run -> keepIfAlive(run, file)).ifPresent(running::add);
            }
        } catch (IOException e) {
            return running;
        }
        return running;
    }

    /** The one running instance; a {@link NotFound} with a message for the user when none runs, or several do. */
    RunFile one() throws NotFound {
        List<RunFile> running = running();
        if (running.isEmpty()) {
            throw new NotFound("no running Stowage found (none has a run file in " + dir
                    + "); start one with './stowage up', or give its address with --url");
        }
        if (running.size() > 1) {
            throw new NotFound(running.size() + " Stowages are running ("
                    + running.stream()
                            .map(run -> run.url() + " (pid " + run.pid() + ")")
                            .collect(Collectors.joining(", "))
                    + "); choose one with --url");
        }
        return running.getFirst();
    }

    /** {@code explicit} without a trailing slash when given, else the URL of the one running instance. */
    String url(@Nullable String explicit) throws NotFound {
        String url = explicit != null ? explicit : one().url().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** No single running instance: the message says why. */
    static final class NotFound extends Exception {
        NotFound(String message) {
            super(message);
        }
    }

    private boolean keepIfAlive(RunFile run, Path file) {
        if (run.alive()) {
            return true;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // ignored as stale all the same
        }
        return false;
    }

    private static Optional<RunFile> read(Path file) {
        try {
            JsonNode json = JSON.readTree(Files.readString(file));
            String start = json.path("processStart").asText(null);
            return Optional.of(new RunFile(
                    json.path("pid").asLong(),
                    start == null ? null : Instant.parse(start),
                    URI.create(json.path("url").asText()),
                    json.path("region").asText(),
                    json.path("dataDir").asText(null),
                    json.path("logFile").asText(null)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Creates the folder, readable by its owner only, unless it exists. */
    void ensureDir() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // another process made it first
        }
    }
}
