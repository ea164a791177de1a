package dev.stowage.domain.placement;

import java.util.Optional;

/**
 * A kind of instance placement may ask for: its type, what one offers, and whether the provider is short of it
 * now. Pools are tried in the order the policy lists them (highest priority first).
 *
 * @param shortage why the provider cannot give one now (its last launch failed for capacity), and until when
 *     placement looks elsewhere; empty when it can be asked
 */
public record InstancePool(String instanceType, InstanceCapacity capacity, Optional<String> shortage) {

    public static InstancePool of(String instanceType, InstanceCapacity capacity) {
        return new InstancePool(instanceType, capacity, Optional.empty());
    }

    public boolean available() {
        return shortage.isEmpty();
    }

    /** Whether a copy of {@code demand} fits one empty instance of this pool. */
    boolean fits(CopyDemand demand) {
        return demand.on(instanceType)
                .filter(d -> d.fitsIn(capacity.allocatable()))
                .isPresent();
    }
}
