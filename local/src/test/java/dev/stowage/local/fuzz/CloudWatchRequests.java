package dev.stowage.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.wire.protocol.Operation;
import dev.stowage.wire.protocol.ServiceModel;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Requests to local mode's CloudWatch, every operation equally often, in each of its three wires: JSON 1.0 ({@code
 * X-Amz-Target: GraniteServiceVersion20100801.<Op>}), RPC v2 CBOR ({@code /service/…/operation/<Op>}) and the query
 * protocol (form posts). Bodies are mutated as the other services' are, and broken as bytes of their own wire.
 * CloudWatch writes no event, so its requests may succeed.
 */
final class CloudWatchRequests {
    static final String MODEL = "/service-models/cloudwatch.json";
    private static final String SIGNING_NAME = "monitoring";
    private static final String RPC_PATH = "/service/GraniteServiceVersion20100801/operation/";

    private final ServiceModel model = ServiceModel.load(MODEL);
    private final List<Operation> operations = List.copyOf(model.operations().values());
    private final QueryForm form = new QueryForm(model);
    private final URI api;

    CloudWatchRequests(URI api) {
        this.api = api;
    }

    FuzzRequest make(long index, Dice dice) {
        Operation operation = dice.pick(operations);
        Wire wire = dice.pick(Wire.JSON_1_0, Wire.CBOR, Wire.QUERY);
        String name = model.targetPrefix() + "." + operation.name();
        RequestDraft draft = new RequestDraft(index, name, false, wire, api, SIGNING_NAME);
        ModelBody body = new ModelBody(model, dice, wire == Wire.QUERY, operation.input());
        body.mutate(dice.between(0, 3), draft);
        boolean modelRejects =
                switch (wire) {
                    case CBOR -> cbor(draft, operation, body, dice);
                    case QUERY -> query(draft, operation, body, dice);
                    default -> json(draft, operation, body, dice);
                };
        if (dice.chance(0.3)) {
            new TransportMutations(dice).mutate(draft);
        }
        return draft.build(modelRejects && !draft.retargeted);
    }

    private boolean json(RequestDraft draft, Operation operation, ModelBody body, Dice dice) {
        draft.header("X-Amz-Target", model.targetPrefix() + "." + operation.name());
        draft.header("Content-Type", "application/x-amz-json-1.0");
        draft.header("x-amzn-query-mode", "true");
        draft.body = body.json(0, draft);
        if (dice.chance(0.1)) {
            BodyMutations.Mutated mutated = new BodyMutations(dice).mutate(draft.body);
            draft.body = mutated.body();
            draft.mutated("body " + mutated.description(), false);
        }
        return JsonApiRequests.rejects(new ShapeOracle(model, false), operation.input(), draft.body);
    }

    private boolean cbor(RequestDraft draft, Operation operation, ModelBody body, Dice dice) {
        draft.path = RPC_PATH + operation.name();
        draft.header("smithy-protocol", "rpc-v2-cbor");
        draft.header("Content-Type", "application/cbor");
        draft.header("Accept", "application/cbor");
        Optional<JsonNode> exact = body.exact();
        if (exact.isEmpty() || dice.chance(0.08)) {
            byte[] whole = exact.map(CborBodies::encode).orElse(new byte[] {(byte) 0xA0});
            if (dice.chance(0.4)) {
                // Cut short, it may still be a map (a prefix of one that held nothing but its header): the oracle says.
                draft.body = CborBodies.cut(whole, dice);
                draft.mutated("CBOR cut short", false);
                Optional<JsonNode> read = CborBodies.read(draft.body);
                return read.isEmpty()
                        || !read.get().isObject()
                        || !new ShapeOracle(model, false)
                                .violations(operation.input(), read.get())
                                .isEmpty();
            }
            draft.body = CborBodies.malformed(dice);
            draft.mutated("CBOR malformed", true);
            return true;
        }
        JsonNode sent = CborBodies.asSent(exact.get());
        if (dice.chance(0.05)) {
            nonFinite(sent, dice);
            draft.mutated("a number as NaN or infinity", false);
        }
        draft.body = CborBodies.encode(sent);
        Optional<JsonNode> read = CborBodies.read(draft.body);
        return read.isEmpty()
                || !read.get().isObject()
                || !new ShapeOracle(model, false)
                        .violations(operation.input(), read.get())
                        .isEmpty();
    }

    private boolean query(RequestDraft draft, Operation operation, ModelBody body, Dice dice) {
        draft.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        Optional<JsonNode> exact = body.exact();
        if (exact.isEmpty()) {
            draft.body = BodyMutations.bytes("Action=" + operation.name() + "&Version=" + QueryForm.VERSION);
            return true;
        }
        String encoded = form.encode(operation.name(), body.input(), exact.get());
        boolean refused = false;
        if (dice.chance(0.1)) {
            QueryMutation mutation = QueryMutation.pick(dice, model, operation.name(), body.input());
            encoded = mutation.apply(encoded);
            draft.mutated("form " + mutation.description(), mutation.refused());
            draft.rerouted |= mutation.rerouted();
            refused = mutation.refused();
        }
        draft.body = BodyMutations.bytes(encoded);
        JsonNode carried = form.carried(body.input(), exact.get());
        return refused
                || !new ShapeOracle(model, true)
                        .violations(operation.input(), carried)
                        .isEmpty();
    }

    private static void nonFinite(JsonNode sent, Dice dice) {
        if (sent instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            List<String> names = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (object.get(name).isNumber()) {
                    object.put(name, dice.pick(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
                    return;
                }
                nonFinite(object.get(name), dice);
            }
        } else if (sent.isArray()) {
            sent.forEach(item -> nonFinite(item, dice));
        }
    }
}
