package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The endpoint dashboard local mode keeps in place of CloudWatch, read back at {@code GET /stowage/dashboards/…} as
 * the real SageMaker SDK creates an endpoint and a component and deletes them.
 */
class DashboardsIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final String ENDPOINT = "dash-ep";
    private static final String IC = "dash-ic";
    private static final String DASHBOARD = "/stowage/dashboards/Stowage-" + ENDPOINT;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_dashboard_comes_with_the_endpoint_shows_its_component_and_goes_with_it() {
        SageMakerClient sageMaker = STOWAGE.sageMaker();
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 1);
        Eventually.await(WAIT, "the endpoint's dashboard", () -> get(DASHBOARD).status() == 200);
        assertThat(get("/stowage/dashboards").body().path("DashboardNames").toString())
                .isEqualTo("[\"Stowage-" + ENDPOINT + "\"]");

        ScenarioFleet.component(STOWAGE, ENDPOINT, IC, "stowage/echo", Map.of(), 1);
        JsonNode body = Eventually.await(
                WAIT,
                "the component on the dashboard",
                () -> get(DASHBOARD).body(),
                b -> b.path("widgets").size() > 6);

        JsonNode heading = body.path("widgets").get(0).path("properties");
        assertThat(heading.path("markdown").asText())
                .contains("## Endpoint " + ENDPOINT, "**AllTraffic** on **ml.g5.12xlarge**", "`" + IC + "`");
        JsonNode copies = body.path("widgets").get(9).path("properties");
        assertThat(copies.path("title").asText()).isEqualTo("Copies");
        assertThat(copies.path("region").asText()).isEqualTo(RunningStowage.REGION);
        assertThat(copies.path("metrics").toString())
                .isEqualTo("[[\"Stowage/SageMaker\",\"CopyCount\",\"InferenceComponentName\",\"" + IC
                        + "\",{\"label\":\"" + IC + "\"}]]");
        assertThat(body.path("widgets")
                        .get(1)
                        .path("properties")
                        .path("metrics")
                        .toString())
                .contains("Stowage/SageMaker/Endpoints", "EndpointName=\\\"" + ENDPOINT + "\\\"");

        sageMaker.deleteInferenceComponent(b -> b.inferenceComponentName(IC));
        Eventually.await(
                WAIT,
                "the component off the dashboard",
                () -> get(DASHBOARD).body().path("widgets").size() == 6);
        sageMaker.deleteEndpoint(b -> b.endpointName(ENDPOINT));
        Eventually.await(WAIT, "the dashboard gone", () -> get(DASHBOARD).status() == 404);
        assertThat(get("/stowage/dashboards").body().path("DashboardNames").size())
                .isZero();
    }

    record Response(int status, JsonNode body) {}

    private static Response get(String path) {
        URI uri = STOWAGE.running().baseUri().resolve(path);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response =
                    client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
