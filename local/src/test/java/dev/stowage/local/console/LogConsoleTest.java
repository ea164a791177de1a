package dev.stowage.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.local.http.StreamedProxyResponse;
import dev.stowage.local.lambda.LocalLambdaContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogConsoleTest {
    private static final String IC = "ic";
    private static final String COPY_1 = "ic-c1";
    private static final String COPY_2 = "ic-c2";
    private static final String T0 = "2026-11-25T12:00:00Z";
    private static final String T1 = "2026-11-25T12:00:01Z";
    private static final String T2 = "2026-11-25T12:00:02Z";
    private static final String T3 = "2026-11-25T12:00:03Z";
    private static final String T4 = "2026-11-25T12:00:04Z";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path logs;

    @Test
    void one_copy_shows_its_last_lines_as_written() throws IOException {
        append(COPY_1, T0 + " loading copy ic-c1", T1 + " stowage/echo serving", T2 + " stopped");

        APIGatewayProxyResponseEvent response = get(Map.of("component", IC));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/plain; charset=utf-8");
        assertThat(response.getBody())
                .isEqualTo(T0 + " loading copy ic-c1\n" + T1 + " stowage/echo serving\n" + T2 + " stopped\n");
    }

    @Test
    void several_copies_are_merged_in_time_order_each_line_saying_its_copy() throws IOException {
        append(COPY_1, T0 + " loading copy ic-c1", T2 + " serving", T4 + " stopped");
        append(COPY_2, T1 + " loading copy ic-c2", T3 + " starting python3 serve.py", "a child's own line");

        assertThat(get(Map.of("component", IC)).getBody())
                .isEqualTo(String.join(
                        "\n",
                        "[ic-c1] " + T0 + " loading copy ic-c1",
                        "[ic-c2] " + T1 + " loading copy ic-c2",
                        "[ic-c1] " + T2 + " serving",
                        "[ic-c2] " + T3 + " starting python3 serve.py",
                        "[ic-c2] a child's own line",
                        "[ic-c1] " + T4 + " stopped",
                        ""));
        assertThat(get(Map.of("component", IC, "tail", "2")).getBody())
                .isEqualTo("[ic-c2] a child's own line\n[ic-c1] " + T4 + " stopped\n");
        assertThat(get(Map.of("component", IC, "copy", COPY_2, "tail", "2")).getBody())
                .isEqualTo(T3 + " starting python3 serve.py\na child's own line\n");
    }

    @Test
    void the_tail_of_a_big_log_is_read_from_its_end_without_the_line_still_being_written() throws IOException {
        String lines = IntStream.range(0, 200_000)
                .mapToObj(n -> T0 + " line " + n + "\n" + (n % 1000 == 0 ? "\n" : ""))
                .collect(Collectors.joining());
        Files.createDirectories(logs.resolve(IC));
        Files.writeString(logs.resolve(IC).resolve(COPY_1 + ".log"), lines + T1 + " half a li");

        assertThat(get(Map.of("component", IC, "tail", "3")).getBody())
                .isEqualTo(T0 + " line 199997\n" + T0 + " line 199998\n" + T0 + " line 199999\n");
        String tenThousand = get(Map.of("component", IC, "tail", "10000")).getBody();
        assertThat(tenThousand.lines()).hasSize(10_000).first().isEqualTo(T0 + " line 190000");
    }

    @Test
    void bad_parameters_are_refused_with_what_is_wrong() {
        assertThat(get(Map.of())).satisfies(r -> badRequest(r, "component is required: GET /stowage/logs?component="));
        for (String name : new String[] {"../etc", "a/b", "-ic", "ic-", "ic.1", "a".repeat(64)}) {
            assertThat(get(Map.of("component", name)))
                    .satisfies(r -> badRequest(r, "component must be an inference component name"));
        }
        assertThat(get(Map.of("component", IC, "tail", "10001")))
                .satisfies(r -> badRequest(r, "tail must be at most 10000 lines, not 10001."));
        assertThat(get(Map.of("component", IC, "tail", "99999999999999999999")))
                .satisfies(r -> badRequest(r, "tail must be at most 10000 lines"));
        assertThat(get(Map.of("component", IC, "tail", "-1")))
                .satisfies(r -> badRequest(r, "tail must be a whole number of lines from 0 to 10000, not -1."));
        assertThat(get(Map.of("component", IC, "follow", "yes")))
                .satisfies(r -> badRequest(r, "follow must be true or false, not yes."));
    }

    @Test
    void a_component_without_logs_or_an_unknown_copy_is_not_found() throws IOException {
        APIGatewayProxyResponseEvent none = get(Map.of("component", "nope"));
        assertThat(none.getStatusCode()).isEqualTo(404);
        assertThat(none.getBody())
                .isEqualTo("No logs for inference component nope: no copy of it has run on this Stowage.\n");

        append(COPY_1, T0 + " loading copy ic-c1");
        APIGatewayProxyResponseEvent copy = get(Map.of("component", IC, "copy", "ic-c9"));
        assertThat(copy.getStatusCode()).isEqualTo(404);
        assertThat(copy.getBody()).isEqualTo("Inference component ic has no copy ic-c9; its copies: ic-c1.\n");
    }

    @Test
    void other_requests_go_on() {
        assertThat(request("GET", "/stowage/metrics", Map.of()).getStatusCode()).isEqualTo(418);
        assertThat(request("POST", "/stowage/logs", Map.of("component", IC)).getStatusCode())
                .isEqualTo(418);
    }

    @Test
    void following_streams_lines_as_they_are_appended_until_the_client_leaves() throws Exception {
        append(COPY_1, T0 + " loading copy ic-c1");
        var response = (StreamedProxyResponse) get(Map.of("component", IC, "follow", "true"));
        assertThat(response.getStatusCode()).isEqualTo(200);
        Client client = new Client();
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                response.writeTo(client);
            } catch (IOException closing) {
                // the client had left
            }
        });

        await(() -> client.text().equals(T0 + " loading copy ic-c1\n"));
        appendRaw(COPY_1, T1 + " serving\nhalf");
        await(() -> client.text().contains(T1 + " serving\n"));
        Thread.sleep(200);
        assertThat(client.text()).doesNotContain("half");

        append(COPY_2, T2 + " loading copy ic-c2");
        await(() -> client.text().contains("[ic-c2] " + T2));
        appendRaw(COPY_1, " a line\n");
        await(() -> client.text().contains("[ic-c1] half a line\n"));
        assertThat(client.text().lines().filter(line -> !line.isEmpty()))
                .containsExactly(
                        T0 + " loading copy ic-c1",
                        T1 + " serving",
                        "[ic-c2] " + T2 + " loading copy ic-c2",
                        "[ic-c1] half a line");

        client.leave();
        follower.join(WAIT);
        assertThat(follower.isAlive())
                .as("a quiet follower notices the client left")
                .isFalse();
    }

    @Test
    void following_with_no_tail_shows_only_new_lines_and_keeps_the_connection_checked() throws Exception {
        append(COPY_1, T0 + " loading copy ic-c1");
        var response = (StreamedProxyResponse) get(Map.of("component", IC, "follow", "true", "tail", "0"));
        Client client = new Client();
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                response.writeTo(client);
            } catch (IOException closing) {
                // the client had left
            }
        });

        await(() -> client.text().startsWith("\n"));
        append(COPY_1, T1 + " serving");
        await(() -> client.text().contains(T1 + " serving\n"));
        assertThat(client.text()).doesNotContain("loading");
        follower.interrupt();
        follower.join(WAIT);
        assertThat(follower.isAlive()).isFalse();
    }

    private static void badRequest(APIGatewayProxyResponseEvent response, String message) {
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).startsWith(message);
    }

    private APIGatewayProxyResponseEvent get(Map<String, String> query) {
        return request("GET", "/stowage/logs", query);
    }

    private APIGatewayProxyResponseEvent request(String method, String path, Map<String, String> query) {
        return new LogConsole(
                        logs,
                        Duration.ofMillis(20),
                        Duration.ofMillis(100),
                        (event, context) -> new APIGatewayProxyResponseEvent().withStatusCode(418))
                .handleRequest(
                        new APIGatewayProxyRequestEvent()
                                .withHttpMethod(method)
                                .withPath(path)
                                .withQueryStringParameters(query),
                        LocalLambdaContext.invocation("api", "us-east-1", "123456789012"));
    }

    private void append(String copy, String... lines) throws IOException {
        appendRaw(copy, String.join("\n", lines) + "\n");
    }

    private void appendRaw(String copy, String text) throws IOException {
        Path file = logs.resolve(IC).resolve(copy + ".log");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited %s", WAIT).isNegative();
            Thread.sleep(10);
        }
    }

    /** What a client of the stream received, until it leaves: then writes fail as on a closed connection. */
    private static final class Client extends OutputStream {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private volatile boolean left;

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            if (left) {
                throw new IOException("Broken pipe");
            }
            received.write(bytes, offset, length);
        }

        synchronized String text() {
            return received.toString(StandardCharsets.UTF_8);
        }

        void leave() {
            left = true;
        }
    }
}
