package dev.stowage.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;

/**
 * The control-plane workload, through the real AWS SDK for Java v2 {@link SageMakerClient}: the endpoint every
 * inference component goes on, and the calls the benchmark times.
 */
final class ControlPlaneCalls {
    static final String CREATE = "CreateInferenceComponent";
    static final String DESCRIBE = "DescribeInferenceComponent";
    static final String LIST = "ListInferenceComponents";
    static final String DESCRIBE_ENDPOINT = "DescribeEndpoint";

    static final String MODEL = "bench-model";
    static final String CONFIG = "bench-config";
    static final String ENDPOINT = "bench-endpoint";
    static final String VARIANT = "AllTraffic";
    private static final String ROLE = "arn:aws:iam::000000000000:role/bench";

    private ControlPlaneCalls() {}

    /**
     * A client as a user would build one against local mode: Apache 5 HTTP client, static credentials test/test,
     * us-east-1, the endpoint overridden. Retries are off, so a throttled or failed call fails the run instead of
     * hiding inside a latency.
     */
    static SageMakerClient client(URI endpoint) {
        RetryStrategy noRetries = DefaultRetryStrategy.doNotRetry();
        return SageMakerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(noRetries))
                .build();
    }

    /** The model, the endpoint config (a variant with no model: an inference-component endpoint) and the endpoint. */
    static void createEndpoint(SageMakerClient sageMaker) {
        sageMaker.createModel(r -> r.modelName(MODEL)
                .executionRoleArn(ROLE)
                .primaryContainer(c -> c.image("763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:latest")));
        sageMaker.createEndpointConfig(
                r -> r.endpointConfigName(CONFIG).executionRoleArn(ROLE).productionVariants(v -> v.variantName(VARIANT)
                        .instanceType(ProductionVariantInstanceType.ML_G5_12_XLARGE)
                        .initialInstanceCount(1)));
        sageMaker.createEndpoint(r -> r.endpointName(ENDPOINT).endpointConfigName(CONFIG));
    }

    /** One pair: create inference component {@code name}, then describe it (it must be there, Creating). */
    static void createAndDescribe(SageMakerClient sageMaker, String name, Latencies latencies) {
        latencies.time(
                CREATE,
                () -> sageMaker.createInferenceComponent(r -> r.inferenceComponentName(name)
                        .endpointName(ENDPOINT)
                        .variantName(VARIANT)
                        .specification(s -> s.modelName(MODEL)
                                .computeResourceRequirements(c ->
                                        c.numberOfAcceleratorDevicesRequired(1f).minMemoryRequiredInMb(1024)))
                        .runtimeConfig(c -> c.copyCount(1))));
        var described = latencies.time(
                DESCRIBE, () -> sageMaker.describeInferenceComponent(r -> r.inferenceComponentName(name)));
        if (described.inferenceComponentStatus() != InferenceComponentStatus.CREATING) {
            throw new IllegalStateException(name + " is " + described.inferenceComponentStatusAsString());
        }
    }

    /** ListInferenceComponents with {@code MaxResults} 10 on the benchmark's endpoint; the page must be full. */
    static void listTen(SageMakerClient sageMaker, Latencies latencies) {
        var page = latencies.time(
                LIST,
                () -> sageMaker.listInferenceComponents(
                        r -> r.endpointNameEquals(ENDPOINT).maxResults(10)));
        if (page.inferenceComponents().size() != 10) {
            throw new IllegalStateException(
                    "a page of " + page.inferenceComponents().size() + ", not 10");
        }
    }

    static void describeEndpoint(SageMakerClient sageMaker, Latencies latencies) {
        latencies.time(DESCRIBE_ENDPOINT, () -> sageMaker.describeEndpoint(r -> r.endpointName(ENDPOINT)));
    }

    /** An inference component name no other run or thread uses. */
    static String name(String run, int thread, long iteration) {
        return "ic-" + run + "-" + thread + "-" + iteration;
    }
}
