package dev.stowage.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar local/target/stowage.jar} as a new user runs it through {@code ./stowage} (issue 13): options it
 * cannot take and a port in use are one line and exit status 2 before anything starts; once up, it prints where to
 * connect and nothing after the ready line; {@code metrics} and {@code logs} find it without {@code --url}.
 */
class StowageJarIT {
    private static final Path JAR = Path.of("target/stowage.jar");
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path home;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        started.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    @Test
    void aPortInUseIsOneLineAndExitStatus2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Finished up = run("up", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(up.status()).isEqualTo(2);
            assertThat(up.out()).isEmpty();
            assertThat(up.err())
                    .startsWith("stowage up: port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
                    .hasLineCount(1);
        }
        assertThat(home.resolve("run")).doesNotExist();
    }

    @Test
    void aBadPortOrTimeScaleIsOneLineAndExitStatus2() throws Exception {
        Finished port = run("up", "--port", "99999");
        Finished scale = run("up", "--time-scale", "-1");

        assertThat(port.status()).isEqualTo(2);
        assertThat(port.err())
                .startsWith("stowage up: --port must be a whole number")
                .hasLineCount(1);
        assertThat(scale.status()).isEqualTo(2);
        assertThat(scale.err())
                .startsWith("stowage up: --time-scale must be a positive number")
                .hasLineCount(1);
        assertThat(port.out() + scale.out()).isEmpty();
    }

    @Test
    void upPrintsWhereToConnectThenNothingAndTheOtherCommandsFindIt() throws Exception {
        Path data = home.resolve("data");
        Process up = start("up", "--port", "0", "--data-dir", data.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
            if (line.startsWith(StartupLines.READY)) {
                break;
            }
        }
        assertThat(lines)
                .as("up's stderr: %s", readQuietly(home.resolve("up.err")))
                .anyMatch(line -> line.startsWith("Console:      http://127.0.0.1:"))
                .anyMatch(line -> line.equals("Region:       us-east-1 (account 000000000000)"))
                .anyMatch(line -> line.equals("Credentials:  access key test, secret key test"))
                .anyMatch(line ->
                        line.equals("Logs:         " + data.toAbsolutePath().resolve("stowage.log")))
                .last()
                .asString()
                .startsWith("Stowage listening on http://127.0.0.1:");

        Finished metrics = run("metrics");
        Finished unknown = run("metrics", "Latency");
        Finished logs = run("logs", "nope");
        Finished own = run("logs", "--tail", "5");

        assertThat(metrics.status()).as(metrics.err()).isZero();
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err())
                .startsWith("stowage metrics: no metric is named 'Latency'; the hosts publish CPUReservation,")
                .hasLineCount(1);
        assertThat(logs.status()).isEqualTo(1);
        assertThat(logs.err()).startsWith("stowage logs: No logs for inference component nope");
        assertThat(own.status()).as(own.err()).isZero();
        assertThat(own.out().lines()).hasSizeBetween(1, 5).anyMatch(line -> line.matches("\\d{4}-\\d\\d-.*"));

        up.toHandle().destroy(); // SIGTERM, as Ctrl-C; Process.destroy would close its output before we read it
        assertThat(up.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(out.readLine()).as("nothing after the ready line").isNull();
        assertThat(readQuietly(home.resolve("up.err"))).isEmpty();
        assertThat(home.resolve("run")).isEmptyDirectory();
        assertThat(data.resolve("stowage.log")).content().contains("DynamoDB");
        assertThat(run("metrics").err()).startsWith("stowage metrics: no running Stowage found");
    }

    private Process start(String... args) throws IOException {
        assertThat(JAR).as("the stowage jar (./mvnw package builds it)").isRegularFile();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(home.resolve(args[0] + ".err").toFile());
        builder.environment().put("STOWAGE_RUN_DIR", home.resolve("run").toString());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private Finished run(String... args) throws Exception {
        Process process = start(args);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return new Finished(process.exitValue(), out, readQuietly(home.resolve(args[0] + ".err")));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private record Finished(int status, String out, String err) {}
}
