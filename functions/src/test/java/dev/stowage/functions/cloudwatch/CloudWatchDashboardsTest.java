package dev.stowage.functions.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;

/**
 * The adapter through the real {@link CloudWatchClient} (RPC v2 CBOR) against a loopback server that records each
 * request and answers as CloudWatch does: {@code DeleteDashboards} of a name that does not exist deletes nothing and
 * fails with {@code DashboardNotFoundError} ({@code ResourceNotFound}, 404).
 */
class CloudWatchDashboardsTest {
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final String PATH = "/service/GraniteServiceVersion20100801/operation/";

    private final List<Captured> requests = new CopyOnWriteArrayList<>();
    private final Set<String> existing = ConcurrentHashMap.newKeySet();
    private HttpServer server;
    private CloudWatchClient client;
    private CloudWatchDashboards dashboards;

    record Captured(String operation, Map<String, List<String>> headers, JsonNode body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = CloudWatchClient.builder()
                .endpointOverride(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
        dashboards = new CloudWatchDashboards(client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void put_sends_name_and_body_and_returns_cloudwatchs_remarks() {
        List<String> remarks = dashboards.put("Stowage-ep", "{\"widgets\":[]}");

        Captured put = requests.getFirst();
        assertThat(put.operation()).isEqualTo("PutDashboard");
        assertThat(header(put, "smithy-protocol")).isEqualTo("rpc-v2-cbor");
        assertThat(header(put, "content-type")).isEqualTo("application/cbor");
        assertThat(header(put, "authorization")).contains("/eu-west-1/monitoring/aws4_request");
        assertThat(put.body().path("DashboardName").asText()).isEqualTo("Stowage-ep");
        assertThat(put.body().path("DashboardBody").asText()).isEqualTo("{\"widgets\":[]}");
        assertThat(remarks).containsExactly("/widgets: empty dashboard");
    }

    @Test
    void a_refused_body_is_an_illegal_argument_with_cloudwatchs_reasons() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> dashboards.put("Stowage-ep", "{}"))
                .withMessageContaining("Stowage-ep")
                .withMessageContaining("/widgets: Should be present");
    }

    @Test
    void delete_skips_names_that_do_not_exist() {
        existing.add("Stowage-a");
        existing.add("Stowage-c");

        dashboards.delete(List.of("Stowage-a", "Stowage-b", "Stowage-c"));

        assertThat(existing).isEmpty();
        assertThat(requests)
                .extracting(r -> r.operation() + " " + r.body().path("DashboardNames"))
                .containsExactly(
                        "DeleteDashboards [\"Stowage-a\",\"Stowage-b\",\"Stowage-c\"]",
                        "DeleteDashboards [\"Stowage-a\"]",
                        "DeleteDashboards [\"Stowage-b\"]",
                        "DeleteDashboards [\"Stowage-c\"]");
    }

    @Test
    void delete_sends_at_most_a_hundred_names_at_once() {
        List<String> names =
                IntStream.range(0, 150).mapToObj(i -> "Stowage-ep" + i).toList();
        existing.addAll(names);

        dashboards.delete(names);

        assertThat(existing).isEmpty();
        assertThat(requests)
                .extracting(r -> r.body().path("DashboardNames").size())
                .containsExactly(100, 50);
    }

    @Test
    void other_errors_are_not_swallowed() {
        existing.add("throttled");

        assertThatThrownBy(() -> dashboards.delete(List.of("throttled")))
                .isInstanceOf(CloudWatchException.class)
                .hasMessageContaining("Rate exceeded");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String operation = exchange.getRequestURI().getPath().substring(PATH.length());
        JsonNode body = CBOR.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(new Captured(operation, Map.copyOf(exchange.getRequestHeaders()), body));
        exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
        exchange.getResponseHeaders().add("Content-Type", "application/cbor");
        ObjectNode out = CBOR.createObjectNode();
        int status = 200;
        if (operation.equals("PutDashboard")
                && !body.path("DashboardBody").asText().contains("widgets")) {
            status = 400;
            exchange.getResponseHeaders().add("x-amzn-query-error", "InvalidParameterInput;Sender");
            out.put("__type", "com.amazonaws.cloudwatch#DashboardInvalidInputError")
                    .put("message", "The field DashboardBody must be a valid JSON object");
            out.putArray("dashboardValidationMessages")
                    .addObject()
                    .put("DataPath", "/widgets")
                    .put("Message", "Should be present");
        } else if (operation.equals("PutDashboard")) {
            out.putArray("DashboardValidationMessages")
                    .addObject()
                    .put("DataPath", "/widgets")
                    .put("Message", "empty dashboard");
        } else if (operation.equals("DeleteDashboards")) {
            List<String> names = body.path("DashboardNames")
                    .valueStream()
                    .map(JsonNode::asText)
                    .toList();
            if (names.contains("throttled")) {
                status = 400;
                exchange.getResponseHeaders().add("x-amzn-query-error", "Throttling;Sender");
                out.put("__type", "com.amazonaws.cloudwatch#ThrottlingException")
                        .put("message", "Rate exceeded");
            } else if (!existing.containsAll(names)) {
                status = 404;
                exchange.getResponseHeaders().add("x-amzn-query-error", "ResourceNotFound;Sender");
                out.put("__type", "com.amazonaws.cloudwatch#DashboardNotFoundError")
                        .put("message", "Dashboard " + names + " does not exist");
            } else {
                names.forEach(existing::remove);
            }
        }
        byte[] bytes = CBOR.writeValueAsBytes(out);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String header(Captured request, String name) {
        return request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().getFirst())
                .findFirst()
                .orElse("");
    }
}
