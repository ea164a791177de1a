package dev.stowage.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricNamespacesTest {

    @Test
    void aws_namespaces_move_under_stowage() {
        assertThat(MetricNamespaces.onAws(InvocationMetric.NAMESPACE)).isEqualTo("Stowage/SageMaker");
        assertThat(MetricNamespaces.onAws("AWS/ApplicationELB")).isEqualTo("Stowage/ApplicationELB");
        assertThat(MetricNamespaces.onAws("/aws/sagemaker/Endpoints")).isEqualTo("Stowage/SageMaker/Endpoints");
        assertThat(MetricNamespaces.onAws("/aws/sagemaker/InferenceComponents"))
                .isEqualTo("Stowage/SageMaker/InferenceComponents");
    }

    @Test
    void other_namespaces_pass_unchanged() {
        assertThat(MetricNamespaces.onAws("MyApp")).isEqualTo("MyApp");
        assertThat(MetricNamespaces.onAws("AWSome")).isEqualTo("AWSome");
        assertThat(MetricNamespaces.onAws("/aws/sagemaker/Other")).isEqualTo("/aws/sagemaker/Other");
    }

    @Test
    void namespaces_read_back_map_to_what_stowage_asked_for() {
        for (String namespace : new String[] {
            "AWS/SageMaker", "/aws/sagemaker/Endpoints", "/aws/sagemaker/InferenceComponents", "AWS/X", "MyApp"
        }) {
            assertThat(MetricNamespaces.fromAws(MetricNamespaces.onAws(namespace)))
                    .isEqualTo(namespace);
        }
    }
}
