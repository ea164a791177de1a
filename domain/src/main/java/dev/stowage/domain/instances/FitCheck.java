package dev.stowage.domain.instances;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether one copy can ever fit one instance of a type: its demand against the type's {@link Allocatable}. Backs
 * the {@code ValidationException} of CreateInferenceComponent and UpdateInferenceComponent.
 */
public final class FitCheck {
    private FitCheck() {}

    /**
     * Why {@code demand} cannot fit one empty instance of {@code type}, naming every resource that falls short
     * (accelerators, then cores, then memory, one sentence each, joined by a space); empty if it fits.
     */
    public static Optional<String> whyNotFits(Demand demand, InstanceType type) {
        Allocatable free = type.allocatable();
        List<String> reasons = new ArrayList<>();
        if (demand.acceleratorDevices() > free.acceleratorDevices()) {
            reasons.add("A copy needs " + devices(demand.acceleratorDevices()) + " but " + type.name() + " has "
                    + (free.acceleratorDevices() == 0 ? "none" : free.acceleratorDevices()) + ".");
        }
        if (demand.cores() > free.cores()) {
            reasons.add("A copy needs " + number(demand.cores()) + " CPU cores but " + type.name() + " can allocate "
                    + number(free.cores()) + ".");
        }
        if (demand.memoryMib() > free.memoryMib()) {
            reasons.add("A copy needs " + demand.memoryMib() + " MB of memory but " + type.name() + " can allocate "
                    + free.memoryMib() + " MB.");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", reasons));
    }

    /** Whether {@code demand} fits one empty instance of {@code type}. */
    public static boolean fits(Demand demand, InstanceType type) {
        return whyNotFits(demand, type).isEmpty();
    }

    /** How many copies of {@code demand} one empty instance of {@code type} holds, by its scarcest resource. */
    public static long copiesPerInstance(Demand demand, InstanceType type) {
        Allocatable free = type.allocatable();
        long copies = (long) Math.floor(free.cores() / demand.cores());
        if (demand.acceleratorDevices() > 0) {
            copies = Math.min(copies, free.acceleratorDevices() / demand.acceleratorDevices());
        }
        if (demand.memoryMib() > 0) {
            copies = Math.min(copies, free.memoryMib() / demand.memoryMib());
        }
        return copies;
    }

    static String devices(int count) {
        return count + (count == 1 ? " accelerator device" : " accelerator devices");
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
