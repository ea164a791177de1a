package dev.stowage.domain.views;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ModelEvent;
import java.time.Instant;

/** Fixed constants and event builders shared by the views tests. */
final class Fixtures {
    static final String ARN = "arn:aws:sagemaker:us-east-1:111122223333:";
    static final String IC = "ic";
    static final String IC_STREAM = "inference-component/ic";
    static final String ENDPOINT = "ep";
    static final String ENDPOINT_STREAM = "endpoint/ep";
    static final String MODEL = "m";
    static final String MODEL_STREAM = "model/m";
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant T2 = T0.plusSeconds(120);
    static final Instant T3 = T0.plusSeconds(180);
    static final Instant T4 = T0.plusSeconds(240);
    static final Document SPEC = doc("ModelName", "m");
    static final Document SPEC_2 = doc("ModelName", "m2");
    static final Document CONFIG = doc("EndpointConfigName", "cfg");
    static final Document CONFIG_2 = doc("EndpointConfigName", "cfg2");

    private Fixtures() {}

    static Document doc(String member, String value) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put(member, value);
        return Document.of(json);
    }

    static EventEnvelope envelope(String stream, long version, Event event) {
        return new EventEnvelope(stream + "#" + version, stream, version, T0, "corr", "cause", event);
    }

    static InferenceComponentEvent.Created icCreated(int copies, Instant at) {
        return icCreated(IC, copies, at);
    }

    static InferenceComponentEvent.Created icCreated(String name, int copies, Instant at) {
        return new InferenceComponentEvent.Created(
                name,
                ARN + "inference-component/" + name,
                ENDPOINT,
                ARN + "endpoint/ep",
                "AllTraffic",
                SPEC,
                copies,
                at);
    }

    static InferenceComponentEvent.DesiredCopyCountSet copies(int count, Instant at) {
        return new InferenceComponentEvent.DesiredCopyCountSet(count, CopyCountCause.API, at);
    }

    static EndpointEvent.Created endpointCreated(Instant at) {
        return new EndpointEvent.Created(ENDPOINT, ARN + "endpoint/ep", "cfg", CONFIG, at);
    }

    static ModelEvent.Created modelCreated(Instant at) {
        return modelCreated(MODEL, at);
    }

    static ModelEvent.Created modelCreated(String name, Instant at) {
        return new ModelEvent.Created(name, ARN + "model/" + name, SPEC, at);
    }
}
