package dev.stowage.host.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Optional;

/** The view rows of endpoint {@code ep} (one variant, AllTraffic) and its component {@code ic}, for routing tests. */
final class ServingRows {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private ServingRows() {}

    /** Endpoint {@code ep} whose variant has {@code variantMembers} (JSON members after its name and type, or ""). */
    static EndpointRow endpoint(String variantMembers) {
        return new EndpointRow(
                "ep",
                "arn:aws:sagemaker:us-east-1:123456789012:endpoint/ep",
                "cfg",
                json("{\"ProductionVariants\":[{\"VariantName\":\"AllTraffic\",\"InstanceType\":\"ml.g5.xlarge\""
                        + (variantMembers.isEmpty() ? "" : "," + variantMembers) + "}]}"),
                EndpointStatus.IN_SERVICE,
                Optional.empty(),
                T0,
                T0,
                1);
    }

    /** Component {@code ic} on {@code ep}, in service with {@code copies} copies desired and current. */
    static InferenceComponentRow component(int copies) {
        return new InferenceComponentRow(
                "ic",
                "arn:aws:sagemaker:us-east-1:123456789012:inference-component/ic",
                "ep",
                "arn:aws:sagemaker:us-east-1:123456789012:endpoint/ep",
                "AllTraffic",
                json("{\"ModelName\":\"m\"}"),
                InferenceComponentStatus.IN_SERVICE,
                Optional.empty(),
                copies,
                copies,
                T0,
                T0,
                1);
    }

    static Document json(String text) {
        try {
            return Document.of((ObjectNode) new ObjectMapper().readTree(text));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
