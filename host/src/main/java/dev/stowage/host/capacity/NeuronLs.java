package dev.stowage.host.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code neuron-ls --json-output}: an array with one object per Neuron device ({@code neuron_device}, {@code
 * nc_count}, ...). Newer releases wrap it in an object; the first array of device objects found is used.
 */
public final class NeuronLs {
    public static final List<String> COMMAND = List.of("neuron-ls", "--json-output");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Neuron devices of the instance and the NeuronCores on each. */
    public record Devices(int count, int coresPerDevice) {}

    private NeuronLs() {}

    public static Devices parse(String output) {
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (IOException e) {
            throw new IllegalArgumentException("neuron-ls did not print JSON: " + e.getMessage(), e);
        }
        @Nullable JsonNode devices = deviceArray(root);
        if (devices == null) {
            throw new IllegalArgumentException("neuron-ls printed no device list.");
        }
        int cores = 0;
        for (JsonNode device : devices) {
            cores = Math.max(cores, device.path("nc_count").asInt(0));
        }
        return new Devices(devices.size(), cores);
    }

    private static @Nullable JsonNode deviceArray(JsonNode node) {
        if (node.isArray()) {
            return node.isEmpty() || node.get(0).has("neuron_device") ? node : null;
        }
        if (node.isObject()) {
            for (JsonNode child : node) {
                JsonNode found = deviceArray(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
