package dev.stowage.domain.placement;

import java.util.Optional;

/**
 * How a component wants its copies placed: its {@code SchedulingConfig}. {@link #NONE} (no SchedulingConfig) leaves
 * the choice of instance to placement's own strategies, exactly as before SchedulingConfig took effect.
 *
 * @param zoneBalance its {@code AvailabilityZoneBalance}, if any
 */
public record Scheduling(Preference preference, Optional<ZoneBalance> zoneBalance) {
    public static final Scheduling NONE = new Scheduling(Preference.NONE, Optional.empty());

    /** Which instance a copy prefers among those where it fits. */
    public enum Preference {
        /** Placement's own portfolio: spread onto instances without a copy of the component, then pack. */
        NONE,
        /** The instance, then the zone, with the fewest copies of the component. */
        SPREAD,
        /** The fullest instance. */
        BINPACK
    }

    public Scheduling(Preference preference) {
        this(preference, Optional.empty());
    }

    /** Whether nothing is asked of placement beyond its own choice. */
    boolean none() {
        return preference == Preference.NONE && zoneBalance.isEmpty();
    }

    /** Whether the zone balance, if any, leaves a copy pending rather than break it. */
    boolean strictBalance() {
        return zoneBalance.filter(ZoneBalance::strict).isPresent();
    }
}
