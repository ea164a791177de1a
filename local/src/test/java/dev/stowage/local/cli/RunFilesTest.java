package dev.stowage.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code stowage metrics} and {@code stowage logs} find the running {@code stowage up} (issue 13). */
class RunFilesTest {
    private static final URI URL = URI.create("http://127.0.0.1:8123");

    @TempDir
    Path dir;

    @Test
    void theFolderIsTheExplicitOneElseTheRuntimeDirElseOneInTmp() {
        assertThat(RunFiles.folder(Map.of("STOWAGE_RUN_DIR", "/x/run", "XDG_RUNTIME_DIR", dir.toString()), "/tmp", "u"))
                .isEqualTo(Path.of("/x/run"));
        assertThat(RunFiles.folder(Map.of("XDG_RUNTIME_DIR", dir.toString()), "/tmp", "u"))
                .isEqualTo(dir.resolve("stowage"));
        assertThat(RunFiles.folder(Map.of("XDG_RUNTIME_DIR", "/does/not/exist"), "/tmp", "u"))
                .isEqualTo(Path.of("/tmp/stowage-u"));
        assertThat(RunFiles.folder(Map.of(), "/tmp", "u")).isEqualTo(Path.of("/tmp/stowage-u"));
    }

    @Test
    void aRunningInstanceIsFoundUntilItsFileIsRemoved() throws Exception {
        RunFiles files = new RunFiles(dir.resolve("run"));
        RunFile run = RunFile.ofThisProcess(URL, "eu-west-1", null, Path.of("/tmp/stowage-1.log"));

        files.write(run);

        assertThat(files.running()).containsExactly(run);
        assertThat(files.one()).isEqualTo(run);
        assertThat(files.url("http://127.0.0.1:9000/")).isEqualTo("http://127.0.0.1:9000");
        assertThat(files.url(null)).isEqualTo("http://127.0.0.1:8123");

        files.remove(run);

        assertThat(files.running()).isEmpty();
        assertThatThrownBy(files::one)
                .isInstanceOf(RunFiles.NotFound.class)
                .hasMessage("no running Stowage found (none has a run file in " + dir.resolve("run")
                        + "); start one with './stowage up', or give its address with --url");
    }

    @Test
    void theFileOfAProcessThatIsGoneIsStaleAndRemoved() throws Exception {
        RunFiles files = new RunFiles(dir);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        RunFile dead = new RunFile(gone.pid(), null, URL, "us-east-1", null, null);
        files.write(dead);

        assertThat(files.running()).isEmpty();
        assertThat(dir.resolve(dead.fileName())).doesNotExist();
    }

    @Test
    void theFileOfAnEarlierProcessWithTheSameIdIsStale() throws Exception {
        RunFiles files = new RunFiles(dir);
        RunFile reused = new RunFile(ProcessHandle.current().pid(), Instant.EPOCH, URL, "us-east-1", "/data", null);
        files.write(reused);

        assertThat(files.running()).isEmpty();
    }

    @Test
    void severalRunningInstancesAskForUrl() throws Exception {
        RunFiles files = new RunFiles(dir);
        files.write(RunFile.ofThisProcess(URL, "us-east-1", null, null));
        files.write(RunFile.ofThisProcess(URI.create("http://127.0.0.1:8124"), "us-east-1", null, null));

        assertThatThrownBy(files::one)
                .isInstanceOf(RunFiles.NotFound.class)
                .hasMessageStartingWith("2 Stowages are running (http://127.0.0.1:81")
                .hasMessageEndingWith("); choose one with --url");
    }

    @Test
    void aFileThatIsNotARunFileIsIgnored() throws IOException {
        Files.writeString(dir.resolve("broken.json"), "{not json");
        RunFiles files = new RunFiles(dir);

        assertThat(files.running()).isEmpty();
    }

    @Test
    void theLogsOfInMemoryRunsThatAreGoneAreRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.writeString(dir.resolve("stowage-" + gone.pid() + ".log"), "old");
        Path live = Files.writeString(
                dir.resolve("stowage-" + ProcessHandle.current().pid() + ".log"), "now");

        new RunFiles(dir).removeStaleLogs();

        assertThat(stale).doesNotExist();
        assertThat(live).exists();
    }
}
