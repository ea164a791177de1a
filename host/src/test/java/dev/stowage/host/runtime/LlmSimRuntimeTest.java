package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.host.time.TimeScale;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmSimRuntimeTest {
    private static final TimeScale FAST = TimeScale.of(100);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningModel model;

    @AfterEach
    void stop() {
        if (model != null) {
            model.stop(Duration.ZERO);
        }
        http.close();
    }

    private RunningModel start(Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        model = new LlmSimRuntime(FAST)
                .start(Launches.of(
                        LlmSimRuntime.IMAGE, port, env, null, CopyLog.open(dir.resolve("c.log"), Clock.systemUTC())));
        return model;
    }

    private HttpResponse<InputStream> invoke(URI base, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve("/invocations"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private DecodeBatch batch() {
        return ((LlmSimRuntime.Batched) model).batch();
    }

    private List<Long> arrivals(RunningModel sim, String body, long start) {
        try {
            return tokenArrivalMillis(invoke(sim.baseUrl(), body), start);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** When each token line arrived, in ms since {@code start}. */
    private static List<Long> tokenArrivalMillis(HttpResponse<InputStream> response, long start) throws Exception {
        List<Long> arrivals = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:{")) {
                    arrivals.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return arrivals;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s for the batch").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static long tokenLines(HttpResponse<InputStream> response) throws Exception {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> line.startsWith("data:{")).count();
        }
    }

    @Test
    void streams_the_tokens_asked_for_as_server_sent_events_when_the_request_says_stream() throws Exception {
        RunningModel sim = start(Map.of("STOWAGE_TOKEN_MS", "100"));

        HttpResponse<InputStream> response =
                invoke(sim.baseUrl(), "{\"inputs\":\"hi\",\"parameters\":{\"max_new_tokens\":7},\"stream\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        assertThat(response.headers().firstValue("transfer-encoding")).contains("chunked");
        assertThat(tokenLines(response)).isEqualTo(7);
        assertThat(tokenLines(invoke(sim.baseUrl(), "{\"inputs\":\"hi\",\"max_new_tokens\":3,\"stream\":true}")))
                .isEqualTo(3);
    }

    @Test
    void takes_the_per_token_time_for_every_token() throws Exception {
        RunningModel sim = start(Map.of("STOWAGE_TOKEN_MS", "1000"));
        long start = System.nanoTime();

        tokenLines(invoke(sim.baseUrl(), "{\"max_new_tokens\":20,\"stream\":true}"));

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);
    }

    @Test
    void streams_each_token_as_it_is_decoded() throws Exception {
        RunningModel sim = start(Map.of("STOWAGE_TOKEN_MS", "1000")); // 10 ms per token
        long start = System.nanoTime();

        List<Long> arrivals =
                tokenArrivalMillis(invoke(sim.baseUrl(), "{\"max_new_tokens\":30,\"stream\":true}"), start);

        assertThat(arrivals).hasSize(30);
        // 29 steps of 10 ms separate them; a loaded machine's late steps catch up on the schedule, so only a third
        // of that is asked: a buffered answer would deliver them all at once.
        assertThat(arrivals.getLast() - arrivals.getFirst())
                .as("the first token arrives long before the last (29 steps of 10 ms later)")
                .isGreaterThanOrEqualTo(100);
    }

    @Test
    void queues_requests_beyond_the_batch_and_serves_them_when_a_place_frees() throws Exception {
        RunningModel sim = start(Map.of("STOWAGE_TOKEN_MS", "1000", "STOWAGE_MAX_BATCH", "1"));
        long start = System.nanoTime();
        String body = "{\"max_new_tokens\":20,\"stream\":true}";

        CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> arrivals(sim, body, start));
        await(() -> batch().active() == 1);
        CompletableFuture<List<Long>> second = CompletableFuture.supplyAsync(() -> arrivals(sim, body, start));
        await(() -> batch().waiting() == 1);

        assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(20);
        assertThat(second.get(10, TimeUnit.SECONDS)).hasSize(20);
        assertThat(second.get().getFirst())
                .as("the queued request's first token comes after the first request's 20 steps")
                .isGreaterThanOrEqualTo(190);
    }

    @Test
    void a_client_that_goes_away_leaves_the_batch() throws Exception {
        RunningModel sim = start(Map.of("STOWAGE_TOKEN_MS", "1000"));
        HttpResponse<InputStream> response = invoke(sim.baseUrl(), "{\"max_new_tokens\":100000,\"stream\":true}");
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).startsWith("data:{\"index\":1,\"token\":{\"id\":0");
            assertThat(batch().active()).isEqualTo(1);
        }

        await(() -> batch().active() == 0);
        assertThat(batch().waiting()).isZero();
    }

    @Test
    void answers_ping_only_once_its_load_time_has_passed() throws Exception {
        long start = System.nanoTime();
        RunningModel sim = start(Map.of("STOWAGE_LOAD_MS", "100000")); // 1 s at this time scale
        URI ping = sim.baseUrl().resolve("/ping");

        assertThat(pingStatus(ping)).as("loading").isEqualTo(503);
        while (pingStatus(ping) != 200) {
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("still loading")
                    .isLessThan(Duration.ofSeconds(30));
            Thread.sleep(20);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("ready no sooner than its load time")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    private int pingStatus(URI ping) throws Exception {
        return http.send(HttpRequest.newBuilder(ping).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void counts_prefix_cache_hits_of_a_repeated_prompt_and_answers_them_at_its_stats_path() throws Exception {
        RunningModel sim = start(Map.of("STOWAGE_TOKEN_MS", "100"));
        String prompt = "q".repeat(5_000); // 3 blocks of 2,048 characters
        String body = "{\"inputs\":\"" + prompt + "\",\"parameters\":{\"max_new_tokens\":2}}";
        invoke(sim.baseUrl(), body).body().readAllBytes();
        invoke(sim.baseUrl(), body).body().readAllBytes();
        invoke(sim.baseUrl(), "{\"hash_ids\":[5,6],\"input_length\":1000,\"max_new_tokens\":1}")
                .body()
                .readAllBytes();

        HttpResponse<String> stats = http.send(
                HttpRequest.newBuilder(sim.baseUrl().resolve(LlmSimStats.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body())
                .contains("\"prompts\":3")
                .contains("\"looked_up_blocks\":8")
                .contains("\"hit_blocks\":3")
                .contains("\"prompt_tokens\":3500")
                .contains("\"hit_tokens\":1249");
    }

    @Test
    void draws_long_tailed_output_lengths_deterministically_from_the_seed() {
        TokenCounts first = new TokenCounts(42);
        TokenCounts second = new TokenCounts(42);
        int[] a = IntStream.range(0, 20_000).map(i -> first.next()).toArray();
        int[] b = IntStream.range(0, 20_000).map(i -> second.next()).toArray();

        assertThat(a).isEqualTo(b);
        assertThat(IntStream.of(a).min().orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(IntStream.of(a).max().orElseThrow()).isEqualTo(TokenCounts.CAP);
        assertThat(IntStream.of(a).average().orElseThrow()).isBetween(310.0, 360.0);
        int[] sorted = IntStream.of(a).sorted().toArray();
        assertThat(sorted[sorted.length / 2]).as("median well below the mean").isBetween(180, 235);
    }
}
