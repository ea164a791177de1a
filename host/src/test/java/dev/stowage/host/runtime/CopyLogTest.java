package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyLogTest {
    @TempDir
    Path dir;

    @Test
    void the_tail_is_the_last_fifty_lines_within_four_kib() throws Exception {
        CopyLog log = CopyLog.open(
                dir.resolve("ic").resolve("copy.log"),
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        for (int i = 0; i < 120; i++) {
            log.line("line " + i);
        }

        String tail = log.tail();

        assertThat(tail.lines()).hasSize(50).last().isEqualTo("2026-11-25T10:00:00Z line 119");
        assertThat(tail.lines().findFirst()).contains("2026-11-25T10:00:00Z line 70");
    }

    @Test
    void long_lines_are_cut_to_four_kib_keeping_the_end() throws Exception {
        Path file = dir.resolve("copy.log");
        Files.writeString(
                file, IntStream.range(0, 10).mapToObj(i -> "x".repeat(1000) + i).collect(Collectors.joining("\n")));

        String tail = CopyLog.open(file, Clock.systemUTC()).tail();

        assertThat(tail).hasSize(4096).endsWith("x9");
    }

    @Test
    void a_log_past_its_bound_moves_aside_so_a_chatty_copy_cannot_fill_the_disk() throws Exception {
        Path file = dir.resolve("c.log");
        CopyLog log = CopyLog.open(file, Clock.systemUTC(), 1000);
        for (int i = 0; i < 40; i++) {
            log.line("line " + i + " " + "x".repeat(40));
        }

        assertThat(Files.size(file)).isLessThanOrEqualTo(1000);
        assertThat(Files.size(dir.resolve("c.log.1"))).isLessThanOrEqualTo(1000);
        assertThat(Files.readString(file)).contains("line 39 ");
    }
}
