package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.host.time.TimeScale;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter API of {@code stowage/llm-sim}, over HTTP, as LMI and vLLM containers expose it on SageMaker. */
class LlmSimAdaptersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningModel model;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        model = new LlmSimRuntime(TimeScale.of(1))
                .start(Launches.of(
                        LlmSimRuntime.IMAGE,
                        port,
                        Map.of("STOWAGE_ADAPTER_LOAD_MS", "0", "STOWAGE_MAX_ADAPTERS", "2", "STOWAGE_TOKEN_MS", "1"),
                        null,
                        CopyLog.open(dir.resolve("c.log"), Clock.systemUTC())));
        base = model.baseUrl();
    }

    @AfterEach
    void stop() {
        model.stop(Duration.ZERO);
        http.close();
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> generate(String adapter) throws Exception {
        return send(
                "POST",
                "/invocations",
                "{\"inputs\":\"hi\",\"parameters\":{\"max_new_tokens\":2}}",
                Map.of("Content-Type", "application/json", "X-Amzn-SageMaker-Adapter-Identifier", adapter));
    }

    @Test
    void a_registered_adapter_is_listed_and_applied_to_requests_that_name_it() throws Exception {
        assertThat(send("POST", "/adapters", "{\"name\":\"eu\",\"src\":\"s3://a/eu/\"}", Map.of())
                        .statusCode())
                .isEqualTo(200);

        JsonNode listed = JSON.readTree(send("GET", "/adapters", "", Map.of()).body());
        assertThat(listed.path("adapters").get(0).path("name").asText()).isEqualTo("eu");
        assertThat(listed.path("adapters").get(0).path("src").asText()).isEqualTo("s3://a/eu/");
        HttpResponse<String> answer = generate("eu");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get(0).path("adapter").asText()).isEqualTo("eu");
    }

    @Test
    void a_streamed_answer_names_the_adapter_in_its_last_event() throws Exception {
        send("POST", "/adapters", "{\"name\":\"eu\",\"src\":\"s3://a/eu/\"}", Map.of());

        HttpResponse<String> answer = send(
                "POST",
                "/invocations",
                "{\"inputs\":\"hi\",\"stream\":true,\"parameters\":{\"max_new_tokens\":2}}",
                Map.of("Content-Type", "application/json", "X-Amzn-SageMaker-Adapter-Identifier", "eu"));

        String[] events = answer.body().trim().split("\n\n");
        assertThat(events).hasSize(2);
        assertThat(JSON.readTree(events[0].substring("data:".length())).has("adapter"))
                .isFalse();
        assertThat(JSON.readTree(events[1].substring("data:".length()))
                        .path("adapter")
                        .asText())
                .isEqualTo("eu");
    }

    @Test
    void an_unknown_adapter_is_a_400_and_a_deleted_one_is_unknown() throws Exception {
        send("POST", "/adapters", "{\"name\":\"eu\",\"src\":\"s3://a/eu/\"}", Map.of());

        assertThat(send("DELETE", "/adapters/eu", "", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/adapters/eu", "", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> answer = generate("eu");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("error").asText())
                .isEqualTo("Adapter \"eu\" is not registered with this server; register it with POST /adapters.");
        assertThat(send("POST", "/adapters", "{\"name\":\"eu\"}", Map.of()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void beyond_the_cap_an_evicted_adapter_is_reloaded_and_the_stats_count_it() throws Exception {
        for (String name : new String[] {"a", "b", "c"}) {
            send("POST", "/adapters", "{\"name\":\"" + name + "\",\"src\":\"s3://x/" + name + "/\"}", Map.of());
        }

        assertThat(generate("a").statusCode()).isEqualTo(200);

        JsonNode adapters = JSON.readTree(
                        send("GET", "/stowage/llm-sim/stats", "", Map.of()).body())
                .path("adapters");
        assertThat(adapters.path("registered").asInt()).isEqualTo(3);
        assertThat(adapters.path("resident").asInt()).isEqualTo(2);
        assertThat(adapters.path("loads").asInt()).isEqualTo(3);
        assertThat(adapters.path("reloads").asInt()).isEqualTo(1);
        assertThat(adapters.path("evictions").asInt()).isEqualTo(2);
        assertThat(adapters.path("memory_mb").asInt()).isEqualTo(320);
    }
}
