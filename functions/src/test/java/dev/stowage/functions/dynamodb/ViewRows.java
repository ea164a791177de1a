package dev.stowage.functions.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.views.EndpointConfigRow;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.ModelRow;
import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Optional;

/** Fixed rows for the adapter tests. */
public final class ViewRows {
    public static final String ARN = "arn:aws:sagemaker:us-east-1:111122223333:";
    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456789Z");
    public static final Instant T1 = Instant.parse("2026-11-25T10:01:00Z");
    public static final Document SPEC = spec();

    private ViewRows() {}

    private static Document spec() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("ModelName", "m");
        json.putObject("ComputeResourceRequirements").put("NumberOfAcceleratorDevicesRequired", 1.0);
        return Document.of(json);
    }

    public static InferenceComponentRow ic(String name, InferenceComponentStatus status, long version) {
        return new InferenceComponentRow(
                name,
                ARN + "inference-component/" + name,
                "ep",
                ARN + "endpoint/ep",
                "AllTraffic",
                SPEC,
                status,
                status == InferenceComponentStatus.FAILED ? Optional.of("no capacity") : Optional.empty(),
                2,
                0,
                T0,
                T1,
                version);
    }

    public static EndpointRow endpoint(String name, long version) {
        return new EndpointRow(
                name,
                ARN + "endpoint/" + name,
                "cfg",
                SPEC,
                EndpointStatus.IN_SERVICE,
                Optional.empty(),
                T0,
                T1,
                version);
    }

    public static ModelRow model(String name, long version) {
        return new ModelRow(name, ARN + "model/" + name, SPEC, T0, T0, version);
    }

    public static EndpointConfigRow config(String name, long version) {
        return new EndpointConfigRow(name, ARN + "endpoint-config/" + name, SPEC, T0, T0, version);
    }
}
