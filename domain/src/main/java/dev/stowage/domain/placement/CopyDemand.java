package dev.stowage.domain.placement;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one copy of a component needs, by the instance type it runs on: a component with one {@code Specification}
 * needs the same on every type ({@code uniform}); one with {@code Specifications} needs what the specification of
 * each type asks ({@code byType}), and cannot run on a type it has no specification for.
 */
public record CopyDemand(Optional<Resources> uniform, Map<String, Resources> byType) {
    public CopyDemand {
        byType = Map.copyOf(byType);
    }

    /** The same demand on every instance type. */
    public static CopyDemand uniform(Resources demand) {
        return new CopyDemand(Optional.of(demand), Map.of());
    }

    /** A demand on one instance type only. */
    public static CopyDemand on(String instanceType, Resources demand) {
        return new CopyDemand(Optional.empty(), Map.of(instanceType, demand));
    }

    /** What a copy needs on an instance of {@code instanceType}, or empty when it cannot run there. */
    public Optional<Resources> on(String instanceType) {
        return Optional.ofNullable(byType.get(instanceType)).or(() -> uniform);
    }

    /** For reasons: the demand, or the demand per type. */
    public String describe() {
        if (byType.isEmpty()) {
            return uniform.map(Resources::describe).orElse("nothing");
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(byType).forEach((type, demand) -> text.append(text.isEmpty() ? "" : "; ")
                .append(demand.describe())
                .append(" on ")
                .append(type));
        return text.toString();
    }
}
