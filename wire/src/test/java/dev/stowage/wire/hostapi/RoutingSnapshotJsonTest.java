package dev.stowage.wire.hostapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.events.Document;
import dev.stowage.wire.hostapi.RoutingSnapshot.LoadedCopy;
import dev.stowage.wire.hostapi.RoutingSnapshot.VariantRoutes;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingSnapshotJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123Z");
    private static final URI HOST_A = URI.create("http://10.0.0.1:8080");

    @Test
    void a_snapshot_survives_the_wire() throws Exception {
        var config = (ObjectNode)
                JSON.readTree(
                        "{\"ProductionVariants\":[{\"VariantName\":\"AllTraffic\",\"RoutingConfig\":{\"RoutingStrategy\":\"RANDOM\"}}]}");
        var specification = (ObjectNode) JSON.readTree("{\"Container\":{\"Image\":\"stowage/echo\"}}");
        var snapshot = new RoutingSnapshot(
                "123456789012",
                Optional.of(new EndpointRow(
                        "ep",
                        "arn:ep",
                        "cfg",
                        Document.of(config),
                        EndpointStatus.IN_SERVICE,
                        Optional.empty(),
                        T0,
                        T0.plusSeconds(5),
                        7)),
                List.of(new InferenceComponentRow(
                        "ic",
                        "arn:ic",
                        "ep",
                        "arn:ep",
                        "AllTraffic",
                        Document.of(specification),
                        InferenceComponentStatus.FAILED,
                        Optional.of("no capacity"),
                        2,
                        1,
                        T0,
                        T0,
                        3)),
                List.of(new VariantRoutes(
                        "AllTraffic",
                        List.of(HOST_A),
                        List.of(
                                new LoadedCopy("ic", "ic-c1", "i-1", HOST_A),
                                new LoadedCopy("ic", "ic-c2", "i-1", HOST_A, List.of("eu", "us"))))));

        String wire = JSON.writeValueAsString(RoutingSnapshotJson.encode(snapshot));

        assertThat(RoutingSnapshotJson.decode(JSON.readTree(wire))).isEqualTo(snapshot);
    }

    @Test
    void of_the_endpoints_config_only_its_variants_travel() throws Exception {
        var config = (ObjectNode) JSON.readTree("{\"ProductionVariants\":[],\"KmsKeyId\":\"k\"}");
        var snapshot = new RoutingSnapshot(
                "1",
                Optional.of(new EndpointRow(
                        "ep", "arn", "cfg", Document.of(config), EndpointStatus.CREATING, Optional.empty(), T0, T0, 1)),
                List.of(),
                List.of());

        var decoded = RoutingSnapshotJson.decode(RoutingSnapshotJson.encode(snapshot));

        assertThat(decoded.endpoint().orElseThrow().endpointConfig().has("KmsKeyId"))
                .isFalse();
    }
}
