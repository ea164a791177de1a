package dev.stowage.functions.dashboards;

/**
 * Where SageMaker's namespaces are published on AWS (aws-contract.md): CloudWatch refuses custom namespaces starting
 * with {@code AWS/}, so {@code AWS/X} becomes {@code Stowage/X} and {@code /aws/sagemaker/Endpoints} becomes {@code
 * Stowage/SageMaker/Endpoints}; others stay. A stand-in for {@code
 * dev.stowage.domain.metrics.MetricNamespaces.onAws}, which another change adds; use that once both are merged.
 */
final class AwsNamespaces {
    static final String ENDPOINTS = "/aws/sagemaker/Endpoints";

    private AwsNamespaces() {}

    static String onAws(String namespace) {
        if (namespace.equals(ENDPOINTS)) {
            return "Stowage/SageMaker/Endpoints";
        }
        return namespace.startsWith("AWS/") ? "Stowage/" + namespace.substring("AWS/".length()) : namespace;
    }
}
