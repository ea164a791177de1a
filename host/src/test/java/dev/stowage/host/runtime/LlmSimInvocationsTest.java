package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.host.time.TimeScale;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code stowage/llm-sim} answers, in the shapes of TGI on SageMaker (issue 13). */
class LlmSimInvocationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASK = "{\"inputs\":\"What is Stowage?\",\"parameters\":{\"max_new_tokens\":6}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningModel model;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        model = new LlmSimRuntime(TimeScale.of(100))
                .start(Launches.of(
                        LlmSimRuntime.IMAGE,
                        port,
                        Map.of("STOWAGE_TOKEN_MS", "100"),
                        null,
                        CopyLog.open(dir.resolve("c.log"), Clock.systemUTC())));
    }

    @AfterEach
    void stop() {
        model.stop(Duration.ZERO);
        http.close();
    }

    private HttpResponse<String> invoke(String body, @Nullable String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(model.baseUrl().resolve("/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answers_a_call_without_stream_whole_as_a_list_of_generated_texts() throws Exception {
        for (String accept : new String[] {null, "application/json", "*/*"}) {
            HttpResponse<String> response = invoke(ASK + "}", accept);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).contains("application/json");
            assertThat(response.headers().firstValue("transfer-encoding")).isEmpty();
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.isArray()).isTrue();
            assertThat(answer).hasSize(1);
            assertThat(answer.get(0).fieldNames()).toIterable().containsExactly("generated_text");
            assertThat(words(answer.get(0).path("generated_text").asText())).hasSize(6);
        }
    }

    @Test
    void answers_the_bare_text_when_text_plain_is_accepted() throws Exception {
        HttpResponse<String> response = invoke(ASK + "}", "text/plain");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("text/plain; charset=utf-8");
        assertThat(words(response.body())).hasSize(6);
        assertThat(response.body()).startsWith(" ").doesNotContain("{");
    }

    @Test
    void starts_with_the_prompt_and_says_how_it_ended_when_asked() throws Exception {
        HttpResponse<String> response = invoke(
                "{\"inputs\":\"Hi\",\"parameters\":{\"max_new_tokens\":2,\"return_full_text\":true,\"details\":true}}",
                null);

        JsonNode generation = JSON.readTree(response.body()).get(0);
        assertThat(generation.path("generated_text").asText()).startsWith("Hi ");
        assertThat(generation.path("details").path("finish_reason").asText()).isEqualTo("length");
        assertThat(generation.path("details").path("generated_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void refuses_an_accept_it_cannot_answer_in_with_tgi_s_error_body() throws Exception {
        HttpResponse<String> response = invoke(ASK + "}", "image/png");

        assertThat(response.statusCode()).isEqualTo(406);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("error").asText())
                .isEqualTo("stowage/llm-sim cannot answer in image/png: it answers application/json or text/plain,"
                        + " and with \"stream\": true text/event-stream or application/jsonlines");
        assertThat(error.path("error_type").asText()).isEqualTo("validation");
        assertThat(invoke(ASK + ",\"stream\":true}", "application/json").statusCode())
                .isEqualTo(406);
    }

    @Test
    void streams_tgi_s_server_sent_events_the_last_carrying_the_whole_text() throws Exception {
        HttpResponse<String> response = invoke(ASK + ",\"stream\":true}", null);

        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        assertThat(response.body()).endsWith("\n\n");
        List<String> events = List.of(response.body().split("\n\n"));
        assertThat(events).hasSize(6).allSatisfy(event -> assertThat(event).startsWith("data:{"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = JSON.readTree(events.get(i).substring("data:".length()));
            assertThat(event.path("index").asInt()).isEqualTo(i + 1);
            assertThat(event.path("token").path("id").asInt()).isEqualTo(i);
            assertThat(event.path("token").path("special").asBoolean()).isFalse();
            assertThat(event.has("details")).isTrue();
            text.append(event.path("token").path("text").asText());
            if (i < events.size() - 1) {
                assertThat(event.path("generated_text").isNull()).isTrue();
            } else {
                assertThat(event.path("generated_text").asText()).isEqualTo(text.toString());
            }
        }
    }

    @Test
    void streams_json_lines_as_lmi_does_when_they_are_accepted() throws Exception {
        HttpResponse<String> response = invoke(ASK + ",\"stream\":true}", "application/jsonlines");

        assertThat(response.headers().firstValue("content-type")).contains("application/jsonlines");
        assertThat(response.body().lines().toList()).hasSize(6).allSatisfy(line -> assertThat(
                        JSON.readTree(line).path("token").path("text").asText())
                .startsWith(" "));
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split(" "));
    }
}
