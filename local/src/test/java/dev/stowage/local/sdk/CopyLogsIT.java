package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.local.cli.LogsCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * The copy logs of a component the real SDK deployed, through {@code GET /stowage/logs} and {@code stowage logs}:
 * every copy's lines in time order, one copy's, and following them while another copy loads.
 */
class CopyLogsIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final String ENDPOINT = "logs-ep";
    private static final String IC = "logs-ic";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void deploy() {
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 1);
        ScenarioFleet.component(STOWAGE, ENDPOINT, IC, "stowage/echo", Map.of(), 2);
    }

    @Test
    void the_endpoint_shows_every_copy_in_time_order_or_one_copy_alone() {
        HttpResponse<String> all = Eventually.await(
                WAIT,
                "both copies serving in the logs",
                () -> get("?component=" + IC),
                response -> response.body().contains("[" + IC + "-c1] ")
                        && response.body().contains("[" + IC + "-c2] ")
                        && response.body().split("stowage/echo serving the container contract", -1).length >= 3);

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(all.body().lines())
                .allMatch(line -> line.matches("\\[" + IC + "-c\\d+] \\d{4}-\\d\\d-\\d\\dT.*"))
                .anyMatch(line -> line.contains("loading copy " + IC + "-c1 of " + IC))
                .anyMatch(line -> line.contains("loading copy " + IC + "-c2 of " + IC));
        List<Instant> stamps = all.body()
                .lines()
                .map(line -> Instant.parse(line.split(" ")[1]))
                .toList();
        assertThat(stamps).isSorted();

        HttpResponse<String> one = get("?component=" + IC + "&copy=" + IC + "-c2&tail=1");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body().lines())
                .singleElement()
                .asString()
                .doesNotStartWith("[")
                .contains(" ");

        HttpResponse<String> unknown = get("?component=nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No logs for inference component nope");
        HttpResponse<String> tooMany = get("?component=" + IC + "&tail=20000");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("tail must be at most 10000 lines, not 20000.");
        assertThat(get("?component=..%2Fhosts").statusCode()).isEqualTo(400);
    }

    @Test
    void the_command_prints_the_lines_or_the_servers_message() {
        Eventually.await(
                WAIT, "a copy serving", () -> get("?component=" + IC).body().contains("stowage/echo serving"));
        Run lines = command(IC, "--tail", "3");
        assertThat(lines.status()).isZero();
        assertThat(lines.out().lines()).hasSize(3).allMatch(line -> line.startsWith("[" + IC + "-c"));

        Run one = command(IC, "--copy", IC + "-c1", "--tail", "1");
        assertThat(one.status()).isZero();
        assertThat(one.out().lines()).singleElement().asString().doesNotStartWith("[");

        Run unknown = command("nope");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err())
                .isEqualTo(
                        "stowage logs: No logs for inference component nope: no copy of it has run on this Stowage.\n");

        Run refused = command(IC, "--tail", "10001");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("stowage logs: tail must be at most 10000 lines, not 10001.\n");

        Run nobody = new Run();
        assertThat(nobody.execute("--url", "http://127.0.0.1:1", IC)).isEqualTo(1);
        assertThat(nobody.err()).contains("nothing answers at http://127.0.0.1:1");
    }

    @Test
    void following_shows_a_new_copy_loading_through_the_endpoint_and_the_command() throws Exception {
        List<String> streamed = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(uri("?component=" + IC + "&tail=0&follow=true"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> read(stream.body(), streamed));
        Run following = new Run();
        AtomicInteger status = new AtomicInteger(-1);
        Thread command = Thread.ofVirtual()
                .start(() -> status.set(following.execute("--url", url(), "--follow", "--tail", "1", IC)));
        Eventually.await(WAIT, "the command printing the last line", () -> !following
                .out()
                .isEmpty());

        STOWAGE.sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(IC)
                .desiredRuntimeConfig(r -> r.copyCount(3)));

        String loading = "loading copy " + IC + "-c3 of " + IC;
        Eventually.await(WAIT, "the new copy in the stream", () -> streamed.stream()
                .anyMatch(line -> line.startsWith("[" + IC + "-c3] ") && line.contains(loading)));
        Eventually.await(WAIT, "the new copy in the command's output", () -> following
                .out()
                .lines()
                .anyMatch(line -> line.startsWith("[" + IC + "-c3] ") && line.contains(loading)));
        assertThat(streamed).noneMatch(line -> line.contains("loading copy " + IC + "-c1 "));

        stream.body().close();
        http.close();
        reader.join(WAIT);
        command.interrupt();
        command.join(WAIT);
        assertThat(status.get()).as("stopped as by Ctrl-C").isEqualTo(130);
        assertThat(following.err()).isEmpty();
    }

    private static void read(InputStream body, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    private static Run command(String... args) {
        Run run = new Run();
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = url();
        System.arraycopy(args, 0, all, 2, args.length);
        run.execute(all);
        return run;
    }

    /** {@code stowage logs} run in-process, with what it printed. */
    private static final class Run {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private int status = -1;

        int execute(String... args) {
            CommandLine line = new CommandLine(new LogsCommand());
            line.setOut(new PrintWriter(out));
            line.setErr(new PrintWriter(err));
            status = line.execute(args);
            return status;
        }

        int status() {
            return status;
        }

        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }
    }

    private static String url() {
        String base = STOWAGE.running().baseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static URI uri(String query) {
        return URI.create(url() + "/stowage/logs" + query);
    }

    private static HttpResponse<String> get(String query) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri(query)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
