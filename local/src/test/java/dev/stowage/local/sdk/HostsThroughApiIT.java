package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.host.InferenceHost;
import dev.stowage.host.control.Backoff;
import dev.stowage.host.control.ControlPlaneException;
import dev.stowage.host.control.SignedJsonClient;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * Hosts wired as on AWS: they register, heartbeat, read their assignments, report their copies and read routing
 * through the local API's {@code POST /host} with signed requests ({@code execute-api}), not in process.
 */
class HostsThroughApiIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(RunningStowage.FAST.withHostsThroughApi());

    private static final String ENDPOINT = "api-hosts";
    private static final String ECHO = "api-echo";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static List<InferenceHost> hosts;

    @BeforeAll
    static void deploy() {
        ScenarioFleet.twoInstanceEndpoint(STOWAGE, ENDPOINT);
        ScenarioFleet.component(STOWAGE, ENDPOINT, ECHO, "stowage/echo", Map.of(), 2);
        hosts = STOWAGE.instances().hosts(StreamIds.fleet(ENDPOINT, "AllTraffic"));
    }

    private static InvokeEndpointResponse invoke(SageMakerRuntimeClient client, String component, String body) {
        return client.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                .inferenceComponentName(component)
                .contentType("application/json")
                .overrideConfiguration(o -> o.putHeader("X-Stowage-Wait-For-Capacity", "20"))
                .body(SdkBytes.fromUtf8String(body)));
    }

    @Test
    void copies_loaded_by_hosts_on_the_api_serve_invocations_through_the_front_and_through_each_host() {
        try (SageMakerRuntimeClient front = STOWAGE.running().runtime(false)) {
            assertThat(invoke(front, ECHO, "{\"inputs\":\"hello\"}").body().asUtf8String())
                    .isEqualTo("{\"inputs\":\"hello\"}");
        }
        assertThat(hosts).hasSize(2);
        for (InferenceHost entry : hosts) {
            Set<String> servedBy = new HashSet<>();
            try (SageMakerRuntimeClient client = STOWAGE.running().runtime(entry.address(), false)) {
                Eventually.await(Duration.ofSeconds(10), "requests served by both hosts", () -> {
                    assertThat(invoke(client, ECHO, "{}").body().asUtf8String()).isEqualTo("{}");
                    servedBy.add(invoke(client, ECHO, "{}")
                            .sdkHttpResponse()
                            .firstMatchingHeader("X-Stowage-Instance")
                            .orElseThrow());
                    assertThat(servedBy).hasSize(2);
                });
            }
        }
    }

    @Test
    void an_adapter_is_loaded_routed_to_and_unloaded_by_hosts_on_the_api() {
        String adapter = "api-echo-tuned";
        SageMakerClient sageMaker = STOWAGE.sageMaker();
        sageMaker.createInferenceComponent(b -> b.inferenceComponentName(adapter)
                .endpointName(ENDPOINT)
                .specification(
                        s -> s.baseInferenceComponentName(ECHO).container(c -> c.artifactUrl("s3://adapters/tuned/"))));
        Eventually.await(
                WAIT,
                adapter + " InService",
                () -> sageMaker.describeInferenceComponent(b -> b.inferenceComponentName(adapter)),
                d -> d.inferenceComponentStatusAsString().equals("InService"));
        assertThat(hosts.stream().flatMap(h -> h.copies().serving(adapter).stream()))
                .hasSize(2);
        for (InferenceHost entry : hosts) {
            try (SageMakerRuntimeClient client = STOWAGE.running().runtime(entry.address(), false)) {
                Eventually.await(
                        Duration.ofSeconds(10),
                        "the adapter served through " + entry.config().instanceId(),
                        () -> assertThat(invoke(client, adapter, "{\"a\":1}")
                                        .body()
                                        .asUtf8String())
                                .isEqualTo("{\"a\":1}"));
            }
        }

        sageMaker.deleteInferenceComponent(b -> b.inferenceComponentName(adapter));
        Eventually.await(WAIT, adapter + " unloaded from every copy", () -> hosts.stream()
                .allMatch(h -> h.copies().serving(adapter).isEmpty()));
    }

    @Test
    void a_request_waiting_on_a_host_scales_its_component_from_zero_through_the_api() throws Exception {
        String later = "api-later";
        try (ApplicationAutoScalingClient autoScaling = STOWAGE.running().autoScaling();
                SageMakerRuntimeClient client =
                        STOWAGE.running().runtime(hosts.getFirst().address(), false)) {
            deployAtZero(later);
            autoScaling.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                    .resourceId("inference-component/" + later)
                    .scalableDimension("sagemaker:inference-component:DesiredCopyCount")
                    .minCapacity(0)
                    .maxCapacity(1));

            CompletableFuture<InvokeEndpointResponse> waiting =
                    CompletableFuture.supplyAsync(() -> invoke(client, later, "\"woken\""));

            assertThat(waiting.get(30, TimeUnit.SECONDS).body().asUtf8String()).isEqualTo("\"woken\"");
            assertThat(STOWAGE.sageMaker()
                            .describeInferenceComponent(b -> b.inferenceComponentName(later))
                            .runtimeConfig()
                            .desiredCopyCount())
                    .isEqualTo(1);
        }
    }

    @Test
    void the_hosts_service_is_refused_on_the_root_and_sagemaker_on_the_host_path() {
        long before = STOWAGE.eventCount();
        URI base = STOWAGE.running().baseUri();
        var register = JsonNodeFactory.instance
                .objectNode()
                .put("EndpointName", ENDPOINT)
                .put("VariantName", "AllTraffic")
                .put(
                        "CopyId",
                        hosts.getFirst().copies().serving(ECHO).getFirst().copyId());
        var onRoot = new SignedJsonClient(
                base,
                "StowageHost",
                RunningStowage.REGION,
                credentials(),
                new Backoff(1, Duration.ZERO, Duration.ZERO));

        ControlPlaneException hostOnRoot =
                catchThrowableOfType(ControlPlaneException.class, () -> onRoot.call("ReportCopyRemoved", register));
        SageMakerException sageMakerOnHost;
        try (SageMakerClient onHost = SageMakerClient.builder()
                .endpointOverride(URI.create(base + "/host"))
                .region(Region.of(RunningStowage.REGION))
                .credentialsProvider(credentials())
                .build()) {
            sageMakerOnHost = catchThrowableOfType(
                    SageMakerException.class,
                    () -> onHost.deleteInferenceComponent(b -> b.inferenceComponentName(ECHO)));
        }

        assertThat(hostOnRoot.code()).isEqualTo("UnknownOperationException");
        assertThat(hostOnRoot.status()).isEqualTo(400);
        assertThat(sageMakerOnHost.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
        assertThat(STOWAGE.eventCount()).isEqualTo(before);
    }

    @Test
    void invalid_host_reports_are_refused_with_the_services_validation_message() {
        long before = STOWAGE.eventCount();
        var onHost = new SignedJsonClient(
                URI.create(STOWAGE.running().baseUri() + "/host"),
                "StowageHost",
                RunningStowage.REGION,
                credentials(),
                new Backoff(1, Duration.ZERO, Duration.ZERO));

        ControlPlaneException invalid = catchThrowableOfType(
                ControlPlaneException.class,
                () -> onHost.call(
                        "ReportCopyLoaded",
                        JsonNodeFactory.instance.objectNode().put("EndpointName", ENDPOINT)));

        assertThat(invalid.code()).isEqualTo("ValidationException");
        assertThat(invalid.getMessage())
                .contains("2 validation errors detected: Value null at 'variantName' failed to satisfy constraint:"
                        + " Member must not be null; Value null at 'copyId' failed to satisfy constraint: Member must"
                        + " not be null");
        assertThat(STOWAGE.eventCount()).isEqualTo(before);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(RunningStowage.ACCESS_KEY, RunningStowage.SECRET_KEY));
    }

    private static void deployAtZero(String name) {
        STOWAGE.sageMaker().createInferenceComponent(b -> b.inferenceComponentName(name)
                .endpointName(ENDPOINT)
                .variantName("AllTraffic")
                .specification(s -> s.container(c -> c.image("stowage/echo").environment(Map.of()))
                        .computeResourceRequirements(
                                r -> r.numberOfCpuCoresRequired(1f).minMemoryRequiredInMb(1024)))
                .runtimeConfig(r -> r.copyCount(1)));
        ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, name, 1);
        STOWAGE.sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(name)
                .desiredRuntimeConfig(r -> r.copyCount(0)));
        ComponentWaits.awaitInService(STOWAGE.sageMaker(), WAIT, name, 0);
    }
}
