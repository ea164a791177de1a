package dev.stowage.functions.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class EndpointDashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EndpointOutline EP = new EndpointOutline(
            "ep",
            List.of(new EndpointOutline.Variant("AllTraffic", Optional.of("ml.g5.12xlarge"))),
            List.of("ic-a", "ic-b"));

    @Test
    void the_body_of_an_endpoint_with_two_components_is_the_golden_one() throws IOException {
        JsonNode body = EndpointDashboard.body(EP, "eu-west-1");

        assertThat(body).isEqualTo(golden("endpoint-with-two-components.json"));
    }

    @Test
    void every_graph_reads_the_region_in_the_namespaces_metrics_have_on_aws() {
        List<JsonNode> graphs = widgets(EndpointDashboard.body(EP, "eu-west-1")).stream()
                .filter(w -> w.path("type").asText().equals("metric"))
                .toList();

        assertThat(graphs)
                .extracting(w -> w.path("properties").path("title").asText())
                .containsExactly(
                        "CPU reserved",
                        "GPU reserved",
                        "Memory reserved",
                        "Requests per copy (max)",
                        "Invocations",
                        "Errors",
                        "ModelLatency (µs)",
                        "OverheadLatency (µs)",
                        "Copies",
                        "Instances");
        assertThat(graphs).allSatisfy(w -> {
            assertThat(w.path("properties").path("region").asText()).isEqualTo("eu-west-1");
            assertThat(w.path("properties").path("view").asText()).isEqualTo("timeSeries");
        });
        List<String> namespaces = graphs.stream()
                .flatMap(w -> StreamSupport.stream(
                        w.path("properties").path("metrics").spliterator(), false))
                .map(line -> line.get(0).isTextual()
                        ? line.get(0).asText()
                        : line.get(0).path("expression").asText().split("\"")[1])
                .distinct()
                .toList();
        assertThat(namespaces).containsExactlyInAnyOrder("Stowage/SageMaker/Endpoints", "Stowage/SageMaker");
    }

    @Test
    void reservation_searches_every_instance_of_the_variant() {
        JsonNode cpu = widgets(EndpointDashboard.body(EP, "us-east-1")).get(1).path("properties");

        assertThat(cpu.path("metrics").get(0).get(0).path("expression").asText())
                .isEqualTo("SEARCH('{\"Stowage/SageMaker/Endpoints\",EndpointName,InstanceId,VariantName}"
                        + " MetricName=\"CPUReservation\" EndpointName=\"ep\" VariantName=\"AllTraffic\"',"
                        + " 'Average', 60)");
        assertThat(cpu.path("yAxis").path("left").path("max").asDouble()).isEqualTo(100);
    }

    @Test
    void utilisation_is_the_high_resolution_maximum_per_component() {
        JsonNode utilisation =
                widgets(EndpointDashboard.body(EP, "us-east-1")).get(4).path("properties");

        assertThat(utilisation.path("period").asInt()).isEqualTo(10);
        assertThat(utilisation.path("stat").asText()).isEqualTo("Maximum");
        assertThat(utilisation.path("metrics").toString())
                .isEqualTo("[[\"Stowage/SageMaker\",\"ConcurrentRequestsPerCopy\",\"InferenceComponentName\",\"ic-a\","
                        + "{\"label\":\"ic-a\"}],[\"Stowage/SageMaker\",\"ConcurrentRequestsPerCopy\","
                        + "\"InferenceComponentName\",\"ic-b\",{\"label\":\"ic-b\"}]]");
    }

    @Test
    void an_endpoint_without_components_shows_reservation_and_instances_and_says_why_nothing_else() {
        EndpointOutline bare = new EndpointOutline("ep", EP.variants(), List.of());

        List<JsonNode> widgets = widgets(EndpointDashboard.body(bare, "us-east-1"));

        assertThat(widgets)
                .extracting(w -> w.path("type").asText() + ":"
                        + w.path("properties").path("title").asText("text"))
                .containsExactly(
                        "text:text",
                        "metric:CPU reserved",
                        "metric:GPU reserved",
                        "metric:Memory reserved",
                        "metric:Instances",
                        "text:text");
        assertThat(widgets.get(0).path("properties").path("markdown").asText())
                .contains("Inference components: none yet.");
        assertThat(widgets.get(4).path("y").asInt()).isEqualTo(9);
        assertThat(widgets.get(5).path("y").asInt()).isEqualTo(15);
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = EndpointDashboardTest.class.getResourceAsStream("/dashboards/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + name);
            }
            return JSON.readTree(in);
        }
    }

    static List<JsonNode> widgets(JsonNode body) {
        return StreamSupport.stream(body.path("widgets").spliterator(), false).toList();
    }
}
