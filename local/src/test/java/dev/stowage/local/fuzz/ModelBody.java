package dev.stowage.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A request body of valid values for an operation's input, mutated further on every call. */
final class ModelBody {
    private final TreeMutations mutations;
    private final Shape.Structure input;
    private final ObjectNode tree;

    ModelBody(ServiceModel model, Dice dice, boolean queryText, @Nullable String inputShape) {
        this.mutations = new TreeMutations(model, dice, queryText);
        this.input = inputShape == null
                ? new Shape.Structure("NoInput", new LinkedHashMap<>(), Set.of())
                : (Shape.Structure) model.shape(inputShape);
        this.tree = inputShape == null
                ? ExactJson.NODES.objectNode()
                : (ObjectNode) new ValidValues(model, dice).of(inputShape);
    }

    /** Mutates the tree {@code times} more times, records how, and gives it as JSON. */
    byte[] json(int times, RequestDraft draft) {
        mutate(times, draft);
        return ExactJson.write(tree);
    }

    void mutate(int times, RequestDraft draft) {
        for (int i = 0; i < times; i++) {
            draft.mutated(mutations.mutate(input, tree), false);
        }
    }

    /** The tree as the oracle reads it: written as JSON and read back exactly; empty when that is not JSON. */
    Optional<JsonNode> exact() {
        return ExactJson.read(ExactJson.write(tree));
    }

    Shape.Structure input() {
        return input;
    }
}
