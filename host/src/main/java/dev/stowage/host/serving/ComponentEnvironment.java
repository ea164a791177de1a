package dev.stowage.host.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stowage.events.Document;
import java.util.Optional;

/**
 * A variable of an inference component's container environment, as the router reads its settings: from its one
 * {@code Specification}, or, for a component with {@code Specifications} (one per instance type), from the first entry
 * that sets it. The router serves the component as a whole, so one value holds for every type.
 */
final class ComponentEnvironment {
    private ComponentEnvironment() {}

    static Optional<String> variable(Document specification, String name) {
        Optional<String> single =
                specification.at("Container", "Environment", name).map(JsonNode::asText);
        if (single.isPresent()) {
            return single;
        }
        for (JsonNode entry : specification.at("Specifications").orElse(MissingNode.getInstance())) {
            JsonNode value = entry.path("Container").path("Environment").get(name);
            if (value != null && !value.isNull()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }
}
