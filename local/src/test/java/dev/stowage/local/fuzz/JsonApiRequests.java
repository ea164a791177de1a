package dev.stowage.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.wire.protocol.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Requests to the JSON 1.1 services (SageMaker, Application Auto Scaling, Stowage's own and the hosts' on {@code
 * /host}), every operation equally often: a body of valid values mutated zero to three times, now and then broken
 * as bytes, now and then sent wrongly. An operation that writes is only ever sent requests that must be refused, so
 * that the events table must not change.
 */
final class JsonApiRequests {
    private record Call(ApiService service, Operation operation) {}

    private final List<Call> calls = new ArrayList<>();
    private final URI api;

    JsonApiRequests(List<ApiService> services, URI api) {
        this.api = api;
        services.forEach(
                service -> service.model().operations().values().forEach(op -> calls.add(new Call(service, op))));
    }

    FuzzRequest make(long index, Dice dice) {
        Call call = dice.pick(calls);
        ApiService service = call.service();
        String operation = call.operation().name();
        boolean writes = service.writes(operation);
        RequestDraft draft =
                new RequestDraft(index, service.target(operation), writes, Wire.JSON_1_1, api, service.signingName());
        draft.path = service.path();
        draft.header("X-Amz-Target", service.target(operation));
        draft.header("Content-Type", "application/x-amz-json-1.1");
        String inputShape = call.operation().input();
        ShapeOracle oracle = new ShapeOracle(service.model(), false);
        ModelBody body = new ModelBody(service.model(), dice, false, inputShape);
        draft.body = body.json(writes ? dice.between(1, 3) : dice.between(0, 3), draft);
        if (writes) {
            for (int attempt = 0; attempt < 6 && !rejects(oracle, inputShape, draft.body); attempt++) {
                draft.body = body.json(1, draft);
            }
        }
        if (dice.chance(0.1)) {
            BodyMutations.Mutated mutated = new BodyMutations(dice).mutate(draft.body);
            draft.body = mutated.body();
            draft.mutated("body " + mutated.description(), false);
        }
        if (dice.chance(0.3)) {
            new TransportMutations(dice).mutate(draft);
        }
        boolean modelRejects = !draft.retargeted && rejects(oracle, inputShape, draft.body);
        if (writes && !modelRejects && !draft.rejected && draft.fault == SigningFault.NONE) {
            new TransportMutations(dice).sign(draft);
        }
        return draft.build(modelRejects);
    }

    /** Whether a body breaks the JSON protocol or the operation's input shape. */
    static boolean rejects(ShapeOracle oracle, String inputShape, byte[] body) {
        Optional<JsonNode> read = ExactJson.read(body);
        if (read.isEmpty() || !read.get().isObject()) {
            return true;
        }
        return inputShape != null && !oracle.violations(inputShape, read.get()).isEmpty();
    }
}
