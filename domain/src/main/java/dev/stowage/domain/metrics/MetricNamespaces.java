package dev.stowage.domain.metrics;

/**
 * Where Stowage's metrics live on AWS. CloudWatch refuses custom namespaces that start with {@code AWS/}, so the
 * namespaces SageMaker publishes in are moved under {@code Stowage/}: {@code AWS/SageMaker} is published as {@code
 * Stowage/SageMaker}, the instance metrics' {@code /aws/sagemaker/Endpoints} as {@code Stowage/SageMaker/Endpoints},
 * and the inference components' utilization in {@code /aws/sagemaker/InferenceComponents} as {@code
 * Stowage/SageMaker/InferenceComponents}. The host's publisher and the alarm service both map through here, so an alarm
 * watches the namespace the data points went to.
 */
public final class MetricNamespaces {
    public static final String ON_AWS_PREFIX = "Stowage/";
    public static final String SAGEMAKER_ENDPOINTS = "/aws/sagemaker/Endpoints";
    public static final String SAGEMAKER_INFERENCE_COMPONENTS = "/aws/sagemaker/InferenceComponents";

    private MetricNamespaces() {}

    /** The namespace CloudWatch gets for {@code namespace}; namespaces of other names pass through unchanged. */
    public static String onAws(String namespace) {
        if (namespace.startsWith("AWS/")) {
            return ON_AWS_PREFIX + namespace.substring("AWS/".length());
        }
        if (namespace.equals(SAGEMAKER_ENDPOINTS)) {
            return ON_AWS_PREFIX + "SageMaker/Endpoints";
        }
        if (namespace.equals(SAGEMAKER_INFERENCE_COMPONENTS)) {
            return ON_AWS_PREFIX + "SageMaker/InferenceComponents";
        }
        return namespace;
    }

    /**
     * The namespace Stowage means by a namespace read back from CloudWatch: the inverse of {@link #onAws}, so that an
     * alarm described on AWS equals the alarm Stowage asked for. Stowage owns {@code Stowage/}; every namespace in it
     * maps back to {@code AWS/}.
     */
    public static String fromAws(String namespace) {
        if (namespace.equals(ON_AWS_PREFIX + "SageMaker/Endpoints")) {
            return SAGEMAKER_ENDPOINTS;
        }
        if (namespace.equals(ON_AWS_PREFIX + "SageMaker/InferenceComponents")) {
            return SAGEMAKER_INFERENCE_COMPONENTS;
        }
        if (namespace.startsWith(ON_AWS_PREFIX)) {
            return "AWS/" + namespace.substring(ON_AWS_PREFIX.length());
        }
        return namespace;
    }
}
