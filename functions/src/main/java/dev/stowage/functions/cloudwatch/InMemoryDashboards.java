package dev.stowage.functions.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Dashboards in memory, for local mode (which serves them at {@code GET /stowage/dashboards/<name>}) and tests. Like
 * CloudWatch it refuses a body that is not a JSON object with a {@code widgets} array.
 */
public final class InMemoryDashboards implements Dashboards {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConcurrentSkipListMap<String, String> bodies = new ConcurrentSkipListMap<>();

    @Override
    public List<String> put(String name, String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The dashboard body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.path("widgets").isArray()) {
            throw new IllegalArgumentException("The dashboard body must be an object with a widgets array.");
        }
        bodies.put(name, body);
        return List.of();
    }

    @Override
    public void delete(Collection<String> names) {
        names.forEach(bodies::remove);
    }

    /** The body of dashboard {@code name}, if there is one. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(bodies.get(name));
    }

    /** Every dashboard's body by name, sorted by name. */
    public SortedMap<String, String> all() {
        return new TreeMap<>(bodies);
    }
}
