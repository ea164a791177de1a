package dev.stowage.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage logs} without a component: the running {@code up}'s own log file (issue 13). */
class LogFileTailTest {
    @TempDir
    Path dir;

    @Test
    void theLastLinesAreTheCompleteOnesAndTheOffsetIsPastThem() throws Exception {
        Path file = Files.writeString(dir.resolve("stowage.log"), "one\ntwo\nthree\nhalf a li");
        StringWriter out = new StringWriter();

        long end = new LogFileTail(file).last(2, new PrintWriter(out));

        assertThat(out.toString()).isEqualTo("two\nthree\n");
        assertThat(end).isEqualTo("one\ntwo\nthree\n".length());
    }

    @Test
    void followingPrintsLinesAsTheyAreCompletedAndStartsAgainWhenTheFileDoes() throws Exception {
        Path file = Files.writeString(dir.resolve("stowage.log"), "old\n");
        StringWriter out = new StringWriter();
        LogFileTail tail = new LogFileTail(file);
        long end = tail.last(0, new PrintWriter(out));
        Thread following = Thread.ofVirtual().start(() -> {
            try {
                tail.follow(end, new PrintWriter(out));
            } catch (Exception stopped) {
                // interrupted at the end of the test
            }
        });
        try {
            Files.writeString(file, "new li", StandardOpenOption.APPEND);
            Thread.sleep(500);
            assertThat(out.toString()).isEmpty();
            Files.writeString(file, "ne\n", StandardOpenOption.APPEND);
            awaitOutput(out, "new line\n");

            Files.writeString(file, "afresh\n", StandardOpenOption.TRUNCATE_EXISTING);
            awaitOutput(out, "new line\nafresh\n");
        } finally {
            following.interrupt();
            following.join(Duration.ofSeconds(5));
        }
    }

    private static void awaitOutput(StringWriter out, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!out.toString().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(out.toString()).isEqualTo(expected);
    }
}
