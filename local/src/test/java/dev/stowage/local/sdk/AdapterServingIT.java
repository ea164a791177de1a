package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.host.InferenceHost;
import dev.stowage.host.copies.RoutableCopy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/**
 * Adapter inference components at run time through the Java SDK (issue 15, ADR 30): a {@code stowage/llm-sim} base with
 * room for two resident adapters and three adapters on it; each adapter is InService once the base's copy has it,
 * invoking it by its name applies it; scaling the base out loads every adapter into the new copy before it serves them,
 * so no invocation fails meanwhile; deleting an adapter unloads it from every copy and its invocations are refused.
 */
class AdapterServingIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(ScenarioFleet.atTimeScale(60));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDPOINT = "adapted-ep";
    private static final String BASE = "adapted-base";
    private static final List<String> ADAPTERS = List.of("adapted-eu", "adapted-us", "adapted-apac");
    private static final String PROMPT = "{\"inputs\":\"Where to eat?\",\"parameters\":{\"max_new_tokens\":3}}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void adapters_load_into_every_copy_of_their_base_are_routed_to_and_unload_when_deleted() throws Exception {
        SageMakerClient sageMaker = STOWAGE.sageMaker();
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 1);
        ScenarioFleet.component(
                STOWAGE,
                ENDPOINT,
                BASE,
                "stowage/llm-sim",
                Map.of("STOWAGE_MAX_ADAPTERS", "2", "STOWAGE_ADAPTER_LOAD_MS", "3000"),
                1);
        for (String adapter : ADAPTERS) {
            sageMaker.createInferenceComponent(b -> b.inferenceComponentName(adapter)
                    .endpointName(ENDPOINT)
                    .specification(s -> s.baseInferenceComponentName(BASE)
                            .container(c -> c.artifactUrl("s3://adapters/" + adapter + "/"))));
        }
        ADAPTERS.forEach(adapter -> Eventually.await(
                ScenarioFleet.WAIT,
                adapter + " InService",
                () -> sageMaker.describeInferenceComponent(b -> b.inferenceComponentName(adapter)),
                d -> d.inferenceComponentStatus() == InferenceComponentStatus.IN_SERVICE));

        SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false);
        for (String adapter : ADAPTERS) {
            assertThat(applied(runtime, adapter)).as("the adapter applied").isEqualTo(adapter);
        }
        assertThat(applied(runtime, BASE)).as("the base alone").isEmpty();
        assertThat(stats(copies().getFirst()).path("reloads").asInt())
                .as("three adapters taking turns in room for two")
                .isPositive();

        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger served = new AtomicInteger();
        AtomicBoolean invoking = new AtomicBoolean(true);
        Set<String> seenCopies = new TreeSet<>();
        List<Thread> clients = new ArrayList<>();
        for (String adapter : ADAPTERS) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (invoking.get()) {
                    try {
                        String got = applied(runtime, adapter);
                        if (!got.equals(adapter)) {
                            wrong.add(adapter + " answered as " + got);
                        }
                        served.incrementAndGet();
                    } catch (RuntimeException e) {
                        wrong.add(adapter + ": " + e.getMessage());
                    }
                }
            }));
        }
        sageMaker.updateInferenceComponentRuntimeConfig(
                b -> b.inferenceComponentName(BASE).desiredRuntimeConfig(r -> r.copyCount(2)));
        Eventually.await(ScenarioFleet.WAIT, "two copies of the base serving", () -> {
            for (RoutableCopy copy : copies()) {
                seenCopies.add(copy.copyId());
                ADAPTERS.forEach(adapter -> {
                    if (!copy.hasAdapter(adapter)) {
                        wrong.add(copy.copyId() + " served without " + adapter);
                    }
                });
            }
            return copies().size() == 2;
        });
        ComponentWaits.awaitInService(sageMaker, ScenarioFleet.WAIT, BASE, 2);
        Thread.sleep(300);
        invoking.set(false);
        for (Thread client : clients) {
            client.join();
        }
        assertThat(wrong).as("invocations during the scale-out").isEmpty();
        assertThat(served.get()).isPositive();
        assertThat(seenCopies).hasSize(2);
        for (RoutableCopy copy : copies()) {
            assertThat(registered(copy)).containsExactlyInAnyOrderElementsOf(ADAPTERS);
        }

        String updated = ADAPTERS.get(2);
        sageMaker.updateInferenceComponent(
                b -> b.inferenceComponentName(updated).specification(s -> s.baseInferenceComponentName(BASE)
                        .container(c -> c.artifactUrl("s3://adapters/" + updated + "-v2/"))));
        // Make before break: the old artifact serves until the new one is in, so every invocation meanwhile succeeds.
        Eventually.await(ScenarioFleet.WAIT, updated + " InService with its new artifact", () -> {
            assertThat(applied(runtime, updated)).isEqualTo(updated);
            return sageMaker
                            .describeInferenceComponent(b -> b.inferenceComponentName(updated))
                            .inferenceComponentStatus()
                    == InferenceComponentStatus.IN_SERVICE;
        });
        for (RoutableCopy copy : copies()) {
            assertThat(source(copy, updated)).isEqualTo("s3://adapters/" + updated + "-v2/");
        }

        String deleted = ADAPTERS.getFirst();
        sageMaker.deleteInferenceComponent(b -> b.inferenceComponentName(deleted));
        Eventually.await(ScenarioFleet.WAIT, deleted + " unloaded from every copy", () -> copies().stream()
                .noneMatch(copy -> registered(copy).contains(deleted)));
        ValidationErrorException refused =
                catchThrowableOfType(ValidationErrorException.class, () -> applied(runtime, deleted));
        assertThat(refused).as("an invocation of the deleted adapter").isNotNull();
        assertThat(refused.awsErrorDetails().errorMessage())
                .matches("Inference Component " + deleted + " has no capacity.*|Inference component " + deleted
                        + " not found on endpoint " + ENDPOINT + "\\.");
        assertThat(applied(runtime, ADAPTERS.get(1))).isEqualTo(ADAPTERS.get(1));
        assertThat(invocations(ADAPTERS.get(1)))
                .as("Invocations under the adapter's own name")
                .isGreaterThan(1);
    }

    /** The adapter's {@code Invocations} over the last two hours, as the local metric store has them. */
    private double invocations(String adapter) {
        JsonNode body =
                get(STOWAGE.running().baseUri(), "/stowage/metrics?period=3600&periods=2&stat=Sum&name=Invocations");
        double sum = 0;
        for (JsonNode metric : body.path("Metrics")) {
            if (metric.path("Dimensions")
                            .path("InferenceComponentName")
                            .asText()
                            .equals(adapter)
                    && metric.path("Dimensions").size() == 1) {
                for (JsonNode point : metric.path("Datapoints")) {
                    sum += point.path("Value").asDouble();
                }
            }
        }
        return sum;
    }

    @Test
    void a_request_for_an_adapter_waiting_at_zero_scales_its_base_from_zero_and_is_served_by_the_new_copy() {
        String endpoint = "adapted-zero";
        String base = "adapted-zero-base";
        String adapter = "adapted-zero-tuned";
        SageMakerClient sageMaker = STOWAGE.sageMaker();
        ScenarioFleet.endpoint(STOWAGE, endpoint, 1);
        ScenarioFleet.component(STOWAGE, endpoint, base, "stowage/llm-sim", Map.of(), 1);
        sageMaker.createInferenceComponent(b -> b.inferenceComponentName(adapter)
                .endpointName(endpoint)
                .specification(s -> s.baseInferenceComponentName(base)
                        .container(c -> c.artifactUrl("s3://adapters/" + adapter + "/"))));
        Eventually.await(
                ScenarioFleet.WAIT,
                adapter + " InService",
                () -> sageMaker.describeInferenceComponent(b -> b.inferenceComponentName(adapter)),
                d -> d.inferenceComponentStatus() == InferenceComponentStatus.IN_SERVICE);
        try (ApplicationAutoScalingClient autoScaling = STOWAGE.running().autoScaling();
                SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false)) {
            ScaledComponent scaled = new ScaledComponent(autoScaling, sageMaker, base);
            scaled.register(0, 1);
            sageMaker.updateInferenceComponentRuntimeConfig(
                    b -> b.inferenceComponentName(base).desiredRuntimeConfig(r -> r.copyCount(0)));
            scaled.awaitServing(0);

            String body = runtime.invokeEndpoint(b -> b.endpointName(endpoint)
                            .inferenceComponentName(adapter)
                            .contentType("application/json")
                            .overrideConfiguration(o -> o.putHeader("X-Stowage-Wait-For-Capacity", "20"))
                            .body(SdkBytes.fromUtf8String(PROMPT)))
                    .body()
                    .asUtf8String();

            assertThat(body).contains("\"adapter\":\"" + adapter + "\"");
            assertThat(scaled.runtimeConfig().desiredCopyCount()).isEqualTo(1);
        }
    }

    /** The adapter the answer says was applied ("" for none). */
    private static String applied(SageMakerRuntimeClient runtime, String component) {
        String body = runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                        .inferenceComponentName(component)
                        .contentType("application/json")
                        .body(SdkBytes.fromUtf8String(PROMPT)))
                .body()
                .asUtf8String();
        try {
            return JSON.readTree(body).get(0).path("adapter").asText("");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static List<RoutableCopy> copies() {
        List<RoutableCopy> copies = new ArrayList<>();
        for (InferenceHost host : STOWAGE.instances().hosts(StreamIds.fleet(ENDPOINT, ScenarioFleet.VARIANT))) {
            copies.addAll(host.copies().serving(BASE));
        }
        return copies;
    }

    private List<String> registered(RoutableCopy copy) {
        List<String> names = new ArrayList<>();
        get(copy.baseUrl(), "/adapters")
                .path("adapters")
                .forEach(a -> names.add(a.path("name").asText()));
        return names;
    }

    private String source(RoutableCopy copy, String adapter) {
        for (JsonNode registered : get(copy.baseUrl(), "/adapters").path("adapters")) {
            if (registered.path("name").asText().equals(adapter)) {
                return registered.path("src").asText();
            }
        }
        return "";
    }

    private JsonNode stats(RoutableCopy copy) {
        return get(copy.baseUrl(), "/stowage/llm-sim/stats").path("adapters");
    }

    private JsonNode get(URI base, String path) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
