package dev.stowage.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@code stowage up} prints once it is ready, the ready line last (issue 13). */
class StartupLinesTest {
    private static final URI URL = URI.create("http://127.0.0.1:8080");
    private static final URI DYNAMODB = URI.create("http://127.0.0.1:40001");

    @Test
    void inMemoryTheLinesNameTheConsoleRegionCredentialsAndLogs() {
        StartupLines lines = new StartupLines(
                URL, "us-east-1", "000000000000", "test", "test", DYNAMODB, null, Path.of("/run/stowage-7.log"));

        assertThat(lines.lines())
                .containsExactly(
                        "Console:      http://127.0.0.1:8080/stowage/",
                        "Region:       us-east-1 (account 000000000000)",
                        "Credentials:  access key test, secret key test",
                        "              export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test"
                                + " AWS_DEFAULT_REGION=us-east-1",
                        "DynamoDB:     http://127.0.0.1:40001 (in memory; --data-dir DIR keeps it)",
                        "Logs:         /run/stowage-7.log",
                        "Stowage listening on http://127.0.0.1:8080");
    }

    @Test
    void withADataDirItNamesItAndAWordTheShellWouldSplitIsQuoted() {
        StartupLines lines =
                new StartupLines(URL, "eu-west-1", "123456789012", "AK", "it's s3cret", DYNAMODB, Path.of("/d"), null);

        assertThat(lines.lines())
                .contains("              export AWS_ACCESS_KEY_ID=AK AWS_SECRET_ACCESS_KEY='it'\\''s s3cret'"
                        + " AWS_DEFAULT_REGION=eu-west-1")
                .contains("DynamoDB:     http://127.0.0.1:40001 (/d)")
                .noneMatch(line -> line.startsWith("Logs:"))
                .last()
                .isEqualTo("Stowage listening on http://127.0.0.1:8080");
    }
}
