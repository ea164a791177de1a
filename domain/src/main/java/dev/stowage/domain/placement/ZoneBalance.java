package dev.stowage.domain.placement;

/**
 * A component's {@code AvailabilityZoneBalance}: its copy counts in any two zones differ by at most {@code
 * maxImbalance}. A copy may go to a zone with the fewest copies, or to one where the difference to the fewest stays
 * within the bound. {@code PERMISSIVE} places it anyway when no instance where it fits allows that (and says so);
 * {@code STRICT} leaves it pending.
 */
public record ZoneBalance(Mode mode, int maxImbalance) {
    /** {@code MaxImbalance}'s default, per the service model. */
    public static final int DEFAULT_MAX_IMBALANCE = 0;

    public enum Mode {
        PERMISSIVE,
        STRICT
    }

    public ZoneBalance {
        if (maxImbalance < 0) {
            throw new IllegalArgumentException("maxImbalance must be >= 0");
        }
    }

    boolean strict() {
        return mode == Mode.STRICT;
    }
}
