package dev.stowage.domain.placement;

import dev.stowage.domain.placement.Decision.RemoveCopy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups the live copies of each inference component into {@link Unit}s and finishes moves: once a replacement
 * is loaded, its original is removed (make before break) and the replacement stands alone.
 */
final class Units {
    final Map<String, List<Unit>> byIc = new TreeMap<>(NaturalOrder.INSTANCE);
    final List<RemoveCopy> finished = new ArrayList<>();

    private Units() {}

    static Units of(Ledger ledger) {
        Units units = new Units();
        Map<String, FleetCopy> replacementOf = new HashMap<>();
        Set<String> replaced = new HashSet<>();
        for (FleetCopy copy : ledger.copies.values()) {
            if (!copy.live()
                    || copy.replaces().isEmpty()
                    || !ledger.isLive(copy.replaces().get())) {
                continue;
            }
            String original = copy.replaces().get();
            if (copy.state() == FleetCopy.State.LOADED && replaced.add(original)) {
                units.finished.add(new RemoveCopy(
                        original,
                        "replaced by " + copy.copyId() + ", now loaded on " + copy.instanceId()
                                + " (make before break)"));
            } else {
                replacementOf.putIfAbsent(original, copy);
            }
        }
        for (FleetCopy copy : ledger.copies.values()) {
            boolean inFlight = copy.replaces().isPresent()
                    && copy.state() != FleetCopy.State.LOADED
                    && ledger.isLive(copy.replaces().get())
                    && !replaced.contains(copy.replaces().get());
            if (!copy.live() || replaced.contains(copy.copyId()) || inFlight) {
                continue;
            }
            Optional<FleetCopy> replacement = Optional.ofNullable(replacementOf.get(copy.copyId()));
            units.byIc
                    .computeIfAbsent(copy.inferenceComponent(), ic -> new ArrayList<>())
                    .add(new Unit(copy, replacement));
        }
        return units;
    }

    List<Unit> of(String ic) {
        return byIc.getOrDefault(ic, List.of());
    }
}
