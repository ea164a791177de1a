package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.local.sdk.FleetHistory.Stored;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentRuntimeConfigSummary;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * A CONSOLIDATION scale-in in local mode under invocations (issue 14, ADR 26). Two endpoints of ml.g5.12xlarge (4
 * GPUs), managed instance scaling from 1 to 3 instances, alike but for their ScaleInPolicy: CONSOLIDATION (step 1, 5
 * minutes of cool-down: 5 s at time scale 60) and IDLE_RELEASE. On each, three copies of {@code big} (3 GPUs) take
 * an instance each and three of {@code small} (1 GPU) the GPU left on each. Lowering {@code big} to one copy, then
 * {@code small}, removes the small copy beside the big one and leaves one instance empty and two lightly used, one
 * copy each. Both release the empty one; only CONSOLIDATION then moves the small copy onto the big one's instance,
 * make before break, and releases the instance it leaves, while every component answers every invocation and never
 * serves fewer copies than it wants. {@code ScaleInPolicy} is newer than the Java SDK on this project's Maven mirror,
 * so the endpoint configs go as signed JSON ({@link SignedJson}); everything else is the SDK.
 */
class ConsolidationIT {
    private static final double SCALE = 60;

    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(ScenarioFleet.atTimeScale(SCALE));

    private static final String CONSOLIDATING = "consolidating-ep";
    private static final String IDLE_RELEASING = "idle-releasing-ep";
    private static final List<String> ENDPOINTS = List.of(CONSOLIDATING, IDLE_RELEASING);
    private static final String BIG = "big";
    private static final String SMALL = "small";
    private static final Duration COOL_DOWN = ScenarioFleet.real(Duration.ofMinutes(5), SCALE);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void consolidation_frees_a_lightly_used_instance_while_every_invocation_succeeds() {
        ENDPOINTS.forEach(
                endpoint -> endpoint(endpoint, endpoint.equals(CONSOLIDATING) ? "CONSOLIDATION" : "IDLE_RELEASE"));
        ENDPOINTS.forEach(endpoint -> STOWAGE.waiter().waitUntilEndpointInService(b -> b.endpointName(endpoint)));
        ENDPOINTS.forEach(endpoint -> component(endpoint, BIG, 3));
        ENDPOINTS.forEach(endpoint -> ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, ic(endpoint, BIG), 3));
        ENDPOINTS.forEach(endpoint -> component(endpoint, SMALL, 1));
        for (String endpoint : ENDPOINTS) {
            ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, ic(endpoint, SMALL), 3);
            assertThat(instanceCount(endpoint)).isEqualTo(3);
        }

        Map<String, SteadyLoad> loads = new TreeMap<>();
        List<String> dips = new CopyOnWriteArrayList<>();
        try (SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false)) {
            for (String endpoint : ENDPOINTS) {
                for (String name : List.of(BIG, SMALL)) {
                    loads.put(
                            ic(endpoint, name),
                            SteadyLoad.paced(runtime, endpoint, ic(endpoint, name), "{\"inputs\":\"hello\"}", 8));
                }
            }
            try (CopyCountSampler sampler = new CopyCountSampler(dips)) {
                scaleIn();
            }
            loads.values().forEach(SteadyLoad::close);
        } finally {
            loads.values().forEach(SteadyLoad::close);
        }

        loads.forEach((component, load) -> {
            assertThat(load.failures())
                    .as("failed invocations of %s", component)
                    .isEmpty();
            assertThat(load.served()).as("invocations of %s", component).isPositive();
        });
        assertThat(dips)
                .as("moments a component served fewer copies than it wanted")
                .isEmpty();

        FleetHistory consolidated = FleetHistory.read(STOWAGE.dynamoDb(), fleet(CONSOLIDATING));
        List<Stored> moves = moves(consolidated);
        assertThat(moves).singleElement().satisfies(move -> {
            assertThat(move.data().path("inferenceComponentName").asText()).isEqualTo(ic(CONSOLIDATING, SMALL));
            assertThat(move.data().path("why").asText()).startsWith("CONSOLIDATION step (instance 1 of at most 1)");
        });
        Stored move = moves.getFirst();
        assertMakeBeforeBreak(consolidated, move);
        assertNeverUnserved(consolidated);
        consolidated.liveCopiesCheckingDevices(4);
        assertThat(loads.get(ic(CONSOLIDATING, SMALL)).copiesSeen())
                .as("the moved copy served before the move and its replacement after it")
                .contains(
                        move.data().path("replaces").asText(),
                        move.data().path("copyId").asText());
        JsonNode explained = explain(CONSOLIDATING);
        assertThat(explained.path("Instances")).hasSize(1);
        assertThat(whys(explained, ic(CONSOLIDATING, SMALL))).singleElement().satisfies(why -> assertThat(why)
                .startsWith("CONSOLIDATION step"));

        FleetHistory idleReleased = FleetHistory.read(STOWAGE.dynamoDb(), fleet(IDLE_RELEASING));
        assertThat(moves(idleReleased)).as("moves under IDLE_RELEASE").isEmpty();
        assertNeverUnserved(idleReleased);
        assertThat(instanceCount(IDLE_RELEASING)).isEqualTo(2);
    }

    /**
     * Lowers {@code big}, then {@code small}, to one copy on both endpoints, and waits until CONSOLIDATION has released
     * an instance and IDLE_RELEASE has had longer than its cool-down since its fleet last changed to do the same.
     */
    private static void scaleIn() {
        for (String name : List.of(BIG, SMALL)) {
            ENDPOINTS.forEach(endpoint -> STOWAGE.sageMaker()
                    .updateInferenceComponentRuntimeConfig(b ->
                            b.inferenceComponentName(ic(endpoint, name)).desiredRuntimeConfig(r -> r.copyCount(1))));
            ENDPOINTS.forEach(
                    endpoint -> ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, ic(endpoint, name), 1));
        }
        Eventually.await(WAIT, CONSOLIDATING + " down to one instance", () -> instanceCount(CONSOLIDATING) == 1);
        Eventually.await(
                WAIT,
                IDLE_RELEASING + " quiet for longer than its cool-down",
                () -> lastChange(IDLE_RELEASING).plus(COOL_DOWN).plusSeconds(1).isBefore(Instant.now()));
    }

    /** The copies scheduled to replace another: moves. */
    private static List<Stored> moves(FleetHistory history) {
        return history.ofType("fleet.copy-scheduled").stream()
                .filter(e -> !e.data().path("replaces").asText().isEmpty())
                .toList();
    }

    /** The replaced copy's removal comes after its replacement loaded, and its instance is then released. */
    private static void assertMakeBeforeBreak(FleetHistory history, Stored move) {
        String replacement = move.data().path("copyId").asText();
        String original = move.data().path("replaces").asText();
        long loaded = versionOf(history, "fleet.copy-loaded", "copyId", replacement);
        long removing = versionOf(history, "fleet.copy-removal-scheduled", "copyId", original);
        assertThat(loaded)
                .as("%s loaded before %s is removed", replacement, original)
                .isLessThan(removing);
        String left = history.ofType("fleet.copy-scheduled").stream()
                .filter(e -> e.data().path("copyId").asText().equals(original))
                .findFirst()
                .orElseThrow()
                .data()
                .path("instanceId")
                .asText();
        assertThat(versionOf(history, "fleet.instance-retired", "instanceId", left))
                .isGreaterThan(removing);
    }

    private static long versionOf(FleetHistory history, String type, String field, String value) {
        return history.ofType(type).stream()
                .filter(e -> e.data().path(field).asText().equals(value))
                .mapToLong(Stored::version)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " of " + value));
    }

    /**
     * Replays which copies serve (loaded, not being removed) and fails if a component that served goes without a
     * serving copy: every component here wants at least one throughout.
     */
    private static void assertNeverUnserved(FleetHistory history) {
        Map<String, String> componentOf = new HashMap<>();
        Map<String, String> instanceOf = new HashMap<>();
        Map<String, List<String>> serving = new HashMap<>();
        for (Stored event : history.all()) {
            JsonNode data = event.data();
            String copy = data.path("copyId").asText();
            switch (event.type()) {
                case "fleet.copy-scheduled" -> {
                    componentOf.put(copy, data.path("inferenceComponentName").asText());
                    instanceOf.put(copy, data.path("instanceId").asText());
                }
                case "fleet.copy-loaded" ->
                    serving.computeIfAbsent(componentOf.get(copy), c -> new ArrayList<>())
                            .add(copy);
                case "fleet.copy-removal-scheduled", "fleet.copy-removed", "fleet.copy-failed" ->
                    serving.values().forEach(copies -> copies.remove(copy));
                case "fleet.instance-lost", "fleet.instance-retired" ->
                    serving.values()
                            .forEach(copies -> copies.removeIf(c -> instanceOf
                                    .get(c)
                                    .equals(data.path("instanceId").asText())));
                default -> {}
            }
            serving.forEach((component, copies) -> assertThat(copies)
                    .as("copies of %s serving after version %d (%s)", component, event.version(), event.type())
                    .isNotEmpty());
        }
    }

    private static Instant lastChange(String endpoint) {
        return FleetHistory.read(STOWAGE.dynamoDb(), fleet(endpoint)).all().stream()
                .map(e -> e.data().path("at").asText())
                .filter(at -> !at.isEmpty())
                .map(Instant::parse)
                .max(Instant::compareTo)
                .orElseThrow();
    }

    private static List<String> whys(JsonNode explained, String component) {
        List<String> whys = new ArrayList<>();
        explained.path("InferenceComponents").forEach(c -> {
            if (c.path("InferenceComponentName").asText().equals(component)) {
                c.path("Copies").forEach(copy -> whys.add(copy.path("Why").asText()));
            }
        });
        return whys;
    }

    /** Samples each component's copy counts until closed: a dip is a moment it served fewer copies than it wanted. */
    private static final class CopyCountSampler implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;

        CopyCountSampler(List<String> dips) {
            thread = Thread.ofVirtual().name("copy-count-sampler").start(() -> {
                while (running) {
                    for (String endpoint : ENDPOINTS) {
                        for (String name : List.of(BIG, SMALL)) {
                            InferenceComponentRuntimeConfigSummary counts = STOWAGE.sageMaker()
                                    .describeInferenceComponent(b -> b.inferenceComponentName(ic(endpoint, name)))
                                    .runtimeConfig();
                            if (counts.currentCopyCount() < counts.desiredCopyCount()) {
                                dips.add(Instant.now() + " " + ic(endpoint, name) + ": " + counts);
                            }
                        }
                    }
                }
            });
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void endpoint(String endpoint, String strategy) {
        call(
                "SageMaker.CreateEndpointConfig",
                "{'EndpointConfigName':'" + endpoint + "','ExecutionRoleArn':'" + ScenarioFleet.ROLE + "',"
                        + "'ProductionVariants':[{'VariantName':'" + ScenarioFleet.VARIANT
                        + "','InstanceType':'ml.g5.12xlarge','InitialInstanceCount':1,"
                        + "'ManagedInstanceScaling':{'Status':'ENABLED','MinInstanceCount':1,'MaxInstanceCount':3,"
                        + "'ScaleInPolicy':{'Strategy':'" + strategy + "','MaximumStepSize':1,"
                        + "'CooldownInMinutes':5}}}]}");
        STOWAGE.sageMaker().createEndpoint(b -> b.endpointName(endpoint).endpointConfigName(endpoint));
    }

    /** Three copies of one core, 1 GB and {@code gpus} GPUs each. */
    private static void component(String endpoint, String name, int gpus) {
        STOWAGE.sageMaker().createInferenceComponent(b -> b.inferenceComponentName(ic(endpoint, name))
                .endpointName(endpoint)
                .variantName(ScenarioFleet.VARIANT)
                .specification(s -> s.container(c -> c.image("stowage/echo"))
                        .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(1f)
                                .numberOfAcceleratorDevicesRequired((float) gpus)
                                .minMemoryRequiredInMb(1024)))
                .runtimeConfig(r -> r.copyCount(3)));
    }

    private static String ic(String endpoint, String name) {
        return endpoint + "-" + name;
    }

    private static String fleet(String endpoint) {
        return "fleet/" + endpoint + "/" + ScenarioFleet.VARIANT;
    }

    private static int instanceCount(String endpoint) {
        return STOWAGE.sageMaker()
                .describeEndpoint(b -> b.endpointName(endpoint))
                .productionVariants()
                .getFirst()
                .currentInstanceCount();
    }

    private static JsonNode explain(String endpoint) {
        return call("Stowage.ExplainPlacement", "{'EndpointName':'" + endpoint + "'}")
                .path("Variants")
                .get(0);
    }

    private static JsonNode call(String target, String body) {
        return SignedJson.call(STOWAGE.running().baseUri(), target, body.replace('\'', '"'));
    }
}
