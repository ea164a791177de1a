package dev.stowage.host.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.events.Document;
import dev.stowage.host.NoRoutes;
import dev.stowage.host.copies.CopyTable;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.trust.TestKeys;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.runtime.InvocationRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invoking an adapter inference component (ADR 30): routed only to copies of its base that have it loaded, with the
 * adapter named to the copy in {@value AdapterRouting#ADAPTER_HEADER}; nowhere loaded, the service's no-capacity error.
 */
class AdapterRoutingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private HttpServer withAdapter;
    private HttpServer without;
    private final CopyTable table = new CopyTable();

    /** Each copy answers with its own name and the adapter header it got. */
    private static HttpServer copy(String name) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/invocations", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                byte[] body = (name + ":" + exchange.getRequestHeaders().getFirst(AdapterRouting.ADAPTER_HEADER))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @BeforeEach
    void start() throws Exception {
        withAdapter = copy("c1");
        without = copy("c2");
        RoutableCopy c1 = new RoutableCopy("base-c1", "base", url(withAdapter));
        c1.adapterLoaded("eu");
        table.add(c1);
        table.add(new RoutableCopy("base-c2", "base", url(without)));
    }

    @AfterEach
    void stop() {
        withAdapter.stop(0);
        without.stop(0);
    }

    private static Document doc(String json) {
        try {
            return Document.of((ObjectNode) JSON.readTree(json.replace('\'', '"')));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InferenceComponentRow row(String name, Document specification) {
        return new InferenceComponentRow(
                name,
                "arn:" + name,
                "ep",
                "arn:ep",
                "AllTraffic",
                specification,
                InferenceComponentStatus.IN_SERVICE,
                Optional.empty(),
                name.equals("base") ? 2 : 0,
                name.equals("base") ? 2 : 0,
                T0,
                T0,
                1);
    }

    private static class Directory extends NoRoutes {
        private final String routing;

        Directory() {
            this("");
        }

        Directory(String routing) {
            this.routing = routing;
        }

        private final Map<String, InferenceComponentRow> rows = Map.of(
                "base", row("base", doc("{'Container':{'Image':'stowage/llm-sim'}}")),
                "eu", row("eu", doc("{'BaseInferenceComponentName':'base','Container':{'ArtifactUrl':'s3://a/eu/'}}")),
                "us", row("us", doc("{'BaseInferenceComponentName':'base','Container':{'ArtifactUrl':'s3://a/us/'}}")));

        @Override
        public Optional<EndpointRow> endpoint(String endpointName) {
            return Optional.of(new EndpointRow(
                    "ep",
                    "arn:ep",
                    "ep",
                    doc("{'ProductionVariants':[{'VariantName':'AllTraffic','InstanceType':'ml.g5.12xlarge'" + routing
                            + "}]}"),
                    EndpointStatus.IN_SERVICE,
                    Optional.empty(),
                    T0,
                    T0,
                    1));
        }

        @Override
        public Optional<InferenceComponentRow> component(String inferenceComponentName) {
            return Optional.ofNullable(rows.get(inferenceComponentName));
        }
    }

    private InvocationService service(RoutingDirectory directory) {
        return new InvocationService(
                "i-1",
                table,
                directory,
                new InvocationMetrics(new InMemoryMetrics(), Clock.systemUTC()),
                ServingSettings.defaults(),
                TestKeys.signer());
    }

    @Test
    void under_least_outstanding_requests_an_adapter_s_requests_meet_on_one_copy_that_has_it() {
        table.get("base-c2").orElseThrow().adapterLoaded("eu");
        try (InvocationService service =
                service(new Directory(",'RoutingConfig':{'RoutingStrategy':'LEAST_OUTSTANDING_REQUESTS'}"))) {
            String first = invoke(service, "eu");
            for (int i = 0; i < 10; i++) {
                assertThat(invoke(service, "eu"))
                        .as("the adapter's top-ranked copy (ADR 32)")
                        .isEqualTo(first);
            }
        }
    }

    private String invoke(InvocationService service, String component) {
        InvocationRequest request = InvocationRequest.parse(
                "POST",
                "/endpoints/ep/invocations",
                Headers.ofSingle(Map.of("X-Amzn-SageMaker-Inference-Component", component)),
                "{}".getBytes(StandardCharsets.UTF_8));
        RuntimeResponse response = service.invoke(request, "r", Optional.empty());
        assertThat(response).isInstanceOf(RuntimeResponse.Whole.class);
        RuntimeResponse.Whole whole = (RuntimeResponse.Whole) response;
        return whole.status() + " " + new String(whole.body(), StandardCharsets.UTF_8);
    }

    @Test
    void an_adapter_goes_only_to_copies_of_its_base_that_have_it_and_the_copy_is_told_which() {
        try (InvocationService service = new InvocationService(
                "i-1",
                table,
                new Directory(),
                new InvocationMetrics(new InMemoryMetrics(), Clock.systemUTC()),
                ServingSettings.defaults(),
                TestKeys.signer())) {
            for (int i = 0; i < 10; i++) {
                assertThat(invoke(service, "eu")).isEqualTo("200 c1:eu");
            }
            assertThat(invoke(service, "base")).endsWith(":null");
            assertThat(invoke(service, "us"))
                    .startsWith("400 ")
                    .contains("Inference Component us has no capacity to process this request.");
        }
    }
}
