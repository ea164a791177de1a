package dev.stowage.domain.fleet;

import dev.stowage.domain.component.Specifications;
import dev.stowage.domain.placement.Scheduling;
import dev.stowage.domain.placement.ZoneBalance;
import dev.stowage.events.Document;
import java.util.Optional;

/**
 * A component's {@code SchedulingConfig} as placement takes it: from its specification, or the first of its
 * {@code Specifications} that has one (a component places its copies one way, whatever their types).
 */
final class SchedulingConfigs {
    private SchedulingConfigs() {}

    static Scheduling of(Document specification) {
        return new Specifications(specification)
                .entries().stream()
                        .filter(entry -> entry.has("SchedulingConfig"))
                        .findFirst()
                        .map(SchedulingConfigs::read)
                        .orElse(Scheduling.NONE);
    }

    private static Scheduling read(Document entry) {
        Scheduling.Preference preference = entry.text("SchedulingConfig", "PlacementStrategy")
                .map(strategy -> switch (strategy) {
                    case "SPREAD" -> Scheduling.Preference.SPREAD;
                    case "BINPACK" -> Scheduling.Preference.BINPACK;
                    default -> Scheduling.Preference.NONE;
                })
                .orElse(Scheduling.Preference.NONE);
        Optional<ZoneBalance> balance = entry.text("SchedulingConfig", "AvailabilityZoneBalance", "EnforcementMode")
                .map(mode -> new ZoneBalance(
                        "PERMISSIVE".equals(mode) ? ZoneBalance.Mode.PERMISSIVE : ZoneBalance.Mode.STRICT,
                        entry.number("SchedulingConfig", "AvailabilityZoneBalance", "MaxImbalance")
                                .map(Double::intValue)
                                .orElse(ZoneBalance.DEFAULT_MAX_IMBALANCE)));
        return new Scheduling(preference, balance);
    }
}
