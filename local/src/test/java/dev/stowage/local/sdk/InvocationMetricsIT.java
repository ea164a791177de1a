package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/** Invocation metrics published by local mode and read back per period at {@code GET /stowage/metrics}. */
class InvocationMetricsIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final String ENDPOINT = "metrics-ep";
    private static final String IC = "metrics-ic";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void invocations_and_a_no_capacity_failure_are_counted_per_period() throws Exception {
        var sageMaker = STOWAGE.sageMaker();
        sageMaker.createEndpointConfig(b -> b.endpointConfigName(ENDPOINT)
                .executionRoleArn("arn:aws:iam::123456789012:role/stowage")
                .productionVariants(v -> v.variantName("AllTraffic")
                        .instanceType(ProductionVariantInstanceType.ML_G5_12_XLARGE)
                        .initialInstanceCount(1)));
        sageMaker.createEndpoint(b -> b.endpointName(ENDPOINT).endpointConfigName(ENDPOINT));
        sageMaker.createInferenceComponent(b -> b.inferenceComponentName(IC)
                .endpointName(ENDPOINT)
                .variantName("AllTraffic")
                .specification(s -> s.container(c -> c.image("stowage/echo"))
                        .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(1f)
                                .numberOfAcceleratorDevicesRequired(1f)
                                .minMemoryRequiredInMb(1024)))
                .runtimeConfig(r -> r.copyCount(1)));
        ComponentWaits.awaitInService(sageMaker, WAIT, IC, 1);

        try (SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false)) {
            for (int i = 0; i < 3; i++) {
                runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                        .inferenceComponentName(IC)
                        .contentType("application/json")
                        .body(SdkBytes.fromUtf8String("{\"n\":1}")));
            }
            sageMaker.updateInferenceComponentRuntimeConfig(
                    b -> b.inferenceComponentName(IC).desiredRuntimeConfig(r -> r.copyCount(0)));
            ComponentWaits.awaitInService(sageMaker, WAIT, IC, 0);
            ValidationErrorException noCapacity = catchThrowableOfType(
                    ValidationErrorException.class,
                    () -> runtime.invokeEndpoint(b ->
                            b.endpointName(ENDPOINT).inferenceComponentName(IC).body(SdkBytes.fromUtf8String("{}"))));
            assertThat(noCapacity.awsErrorDetails().errorMessage()).contains("has no capacity");
        }

        URI uri = STOWAGE.running().baseUri();
        Map<String, String> ic = Map.of("InferenceComponentName", IC);
        assertThat(total(uri, "Invocations", "Sum", ic)).isEqualTo(3);
        assertThat(total(uri, "InvocationsPerCopy", "Sum", ic)).isEqualTo(3);
        assertThat(total(uri, "NoCapacityInvocationFailures", "Sum", ic)).isEqualTo(1);
        assertThat(total(uri, "InvocationModelErrors", "Sum", ic)).isZero();
        assertThat(total(uri, "ModelLatency", "SampleCount", ic)).isEqualTo(3);
        assertThat(total(uri, "OverheadLatency", "p99", ic)).isPositive();
        assertThat(total(uri, "ConcurrentRequestsPerCopy", "Maximum", ic)).isGreaterThanOrEqualTo(1);

        JsonNode bad = get(uri, "/stowage/metrics?period=60&stat=Median");
        assertThat(bad.path("message").asText()).startsWith("Unknown statistic Median");
    }

    /** The statistic's values over the last two hours, added up across periods. */
    private static double total(URI uri, String name, String stat, Map<String, String> dimensions) throws Exception {
        JsonNode body = get(uri, "/stowage/metrics?period=3600&periods=2&stat=" + stat + "&name=" + name);
        assertThat(body.path("Stat").asText()).isEqualTo(stat);
        return StreamSupport.stream(body.path("Metrics").spliterator(), false)
                .filter(m -> JSON.convertValue(m.path("Dimensions"), Map.class).equals(dimensions))
                .peek(m -> assertThat(m.path("Namespace").asText()).isEqualTo("AWS/SageMaker"))
                .flatMap(m -> StreamSupport.stream(m.path("Datapoints").spliterator(), false))
                .mapToDouble(p -> p.path("Value").asDouble())
                .sum();
    }

    private static JsonNode get(URI uri, String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        }
    }
}
