package dev.stowage.domain.placement;

import java.util.Optional;

/**
 * A kind of instance placement may ask for: its type, what one offers, whether the provider is short of it now, and
 * what one costs. Pools are tried in the order the policy lists them (highest priority first).
 *
 * @param shortage why the provider cannot give one now (its last launch failed for capacity), and until when
 *     placement looks elsewhere; empty when it can be asked
 * @param pricePerHour what an instance costs an hour (any currency, the same for every pool); 0 when unknown
 */
public record InstancePool(
        String instanceType, InstanceCapacity capacity, Optional<String> shortage, double pricePerHour) {

    public InstancePool {
        if (!(pricePerHour >= 0) || Double.isInfinite(pricePerHour)) {
            throw new IllegalArgumentException("price of " + instanceType + " must be 0 or more, not " + pricePerHour);
        }
    }

    /** A pool of unknown price. */
    public InstancePool(String instanceType, InstanceCapacity capacity, Optional<String> shortage) {
        this(instanceType, capacity, shortage, 0);
    }

    public static InstancePool of(String instanceType, InstanceCapacity capacity) {
        return new InstancePool(instanceType, capacity, Optional.empty());
    }

    /** This pool at {@code price} an hour. */
    public InstancePool pricedAt(double price) {
        return new InstancePool(instanceType, capacity, shortage, price);
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
