package dev.stowage.functions.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.domain.views.InMemoryViewStore;
import dev.stowage.domain.views.Projector;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.Event;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.functions.cloudwatch.InMemoryDashboards;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardReactorTest {
    static final String ARN = "arn:aws:sagemaker:us-east-1:111122223333:";
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String DASHBOARD = "Stowage-ep";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryViewStore views = new InMemoryViewStore();
    private final Projector projector = new Projector(events, views);
    private final InMemoryDashboards dashboards = new InMemoryDashboards();
    private final DashboardReactor reactor =
            new DashboardReactor(events, views, dashboards, new DashboardSettings("Stowage-", "us-east-1"));

    @Test
    void the_dashboard_follows_the_endpoint_and_its_components_and_goes_with_the_endpoint() throws Exception {
        append(StreamIds.endpoint("ep"), endpointCreated("ep"));
        reactor.react(StreamIds.endpoint("ep"));
        assertThat(heading()).contains("## Endpoint ep", "**AllTraffic** on **ml.g5.12xlarge**", "none yet");

        // Not projected yet: the woken component is found from its own stream.
        append(StreamIds.inferenceComponent("ic-b"), componentCreated("ic-b", "ep"));
        reactor.react(StreamIds.inferenceComponent("ic-b"));
        assertThat(components()).containsExactly("ic-b");

        append(StreamIds.inferenceComponent("ic-a"), componentCreated("ic-a", "ep"));
        projector.catchUp(StreamIds.inferenceComponent("ic-a"));
        projector.catchUp(StreamIds.inferenceComponent("ic-b"));
        reactor.react(StreamIds.endpoint("ep"));
        assertThat(components()).containsExactly("ic-a", "ic-b");
        String withBoth = dashboards.get(DASHBOARD).orElseThrow();

        reactor.react(StreamIds.inferenceComponent("ic-a"));
        reactor.react("fleet/ep/AllTraffic");
        assertThat(dashboards.get(DASHBOARD)).contains(withBoth);

        // The views still list ic-a: its own stream says it is gone.
        append(
                StreamIds.inferenceComponent("ic-a"),
                new InferenceComponentEvent.DeletionStarted(T0),
                new InferenceComponentEvent.Deleted(T0));
        reactor.react(StreamIds.inferenceComponent("ic-a"));
        assertThat(components()).containsExactly("ic-b");

        append(StreamIds.endpoint("ep"), new EndpointEvent.DeletionStarted(T0), new EndpointEvent.Deleted(T0));
        reactor.react(StreamIds.endpoint("ep"));
        assertThat(dashboards.all()).isEmpty();
        reactor.react(StreamIds.inferenceComponent("ic-b"));
        reactor.react(StreamIds.endpoint("ep"));
        assertThat(dashboards.all()).isEmpty();
    }

    @Test
    void a_component_name_reused_on_another_endpoint_leaves_the_first_dashboard() throws Exception {
        append(StreamIds.endpoint("ep"), endpointCreated("ep"));
        append(StreamIds.endpoint("other"), endpointCreated("other"));
        append(StreamIds.inferenceComponent("ic-a"), componentCreated("ic-a", "ep"));
        reactor.react(StreamIds.inferenceComponent("ic-a"));
        assertThat(components()).containsExactly("ic-a");

        append(
                StreamIds.inferenceComponent("ic-a"),
                new InferenceComponentEvent.DeletionStarted(T0),
                new InferenceComponentEvent.Deleted(T0),
                componentCreated("ic-a", "other"));
        reactor.react(StreamIds.inferenceComponent("ic-a"));

        assertThat(components()).isEmpty();
        assertThat(dashboards.all()).containsOnlyKeys(DASHBOARD, "Stowage-other");
        assertThat(dashboards.get("Stowage-other").orElseThrow()).contains("`ic-a`");
    }

    static EndpointEvent.Created endpointCreated(String name) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.putArray("ProductionVariants")
                .addObject()
                .put("VariantName", "AllTraffic")
                .put("InstanceType", "ml.g5.12xlarge")
                .put("InitialInstanceCount", 1);
        return new EndpointEvent.Created(name, ARN + "endpoint/" + name, name, Document.of(config), T0);
    }

    static InferenceComponentEvent.Created componentCreated(String name, String endpoint) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        spec.putObject("ComputeResourceRequirements").put("NumberOfAcceleratorDevicesRequired", 1.0);
        return new InferenceComponentEvent.Created(
                name,
                ARN + "inference-component/" + name,
                endpoint,
                ARN + "endpoint/" + endpoint,
                "AllTraffic",
                Document.of(spec),
                1,
                T0);
    }

    private void append(String stream, Event... more) {
        events.append(stream, events.read(stream).size(), List.of(more), new AppendContext(T0, "c", "c"));
    }

    private String heading() throws Exception {
        return body().path("widgets").get(0).path("properties").path("markdown").asText();
    }

    /** The components the invocations graph draws. */
    private List<String> components() throws Exception {
        return EndpointDashboardTest.widgets(body()).stream()
                .filter(w -> w.path("properties").path("title").asText().equals("Invocations"))
                .flatMap(w -> w.path("properties").path("metrics").valueStream())
                .map(line -> line.get(3).asText())
                .toList();
    }

    private JsonNode body() throws Exception {
        return JSON.readTree(dashboards.get(DASHBOARD).orElseThrow());
    }
}
