package dev.stowage.local.fleet;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many instances of each type local mode's provider runs at once ({@code --capacity
 * ml.g5.12xlarge=2,ml.g6.12xlarge=4}); a type not named is unlimited. A launch beyond its type's limit fails as EC2's
 * does when it has no capacity, so heterogeneous endpoints and their fallback can be tried without scarce GPUs.
 */
public record CapacityLimits(Map<String, Integer> perType) {
    public static final CapacityLimits NONE = new CapacityLimits(Map.of());

    public CapacityLimits {
        perType = Map.copyOf(perType);
    }

    /**
     * Parses {@code TYPE=N[,TYPE=N...]}; an empty text is no limit.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static CapacityLimits parse(String text) {
        Map<String, Integer> limits = new TreeMap<>();
        for (String part : text.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String type = equals < 0 ? "" : entry.substring(0, equals).strip();
            String count = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (!type.startsWith("ml.") || !count.matches("\\d{1,6}")) {
                throw new IllegalArgumentException(
                        "--capacity takes TYPE=COUNT pairs separated by commas, such as ml.g5.12xlarge=2, not \""
                                + entry + "\"");
            }
            limits.put(type, Integer.parseInt(count));
        }
        return new CapacityLimits(limits);
    }

    /** Whether one more instance of {@code instanceType} may run beside {@code running} of that type. */
    boolean allows(String instanceType, long running) {
        Integer limit = perType.get(instanceType);
        return limit == null || running < limit;
    }

    /** What EC2 says when it has no capacity of a type, and why local mode says it. */
    String refusal(String instanceType) {
        return "InsufficientInstanceCapacity: We currently do not have sufficient " + instanceType + " capacity."
                + " Our system will be working on provisioning additional capacity. (Local mode runs at most "
                + perType.get(instanceType) + " " + instanceType + " at once: --capacity.)";
    }
}
