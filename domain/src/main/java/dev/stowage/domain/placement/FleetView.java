package dev.stowage.domain.placement;

import java.util.List;
import java.util.Map;

/** The fleet of one endpoint variant as read from its stream: its instances and the copies on them. */
public record FleetView(
        List<FleetInstance> instances,
        List<FleetCopy> copies,
        int usedInstanceNumber,
        Map<String, Integer> usedCopyNumbers) {
    public static final FleetView EMPTY = new FleetView(List.of(), List.of());

    public FleetView {
        instances = List.copyOf(instances);
        copies = List.copyOf(copies);
        usedCopyNumbers = Map.copyOf(usedCopyNumbers);
    }

    /** A fleet whose ids were never used before the instances and copies it holds. */
    public FleetView(List<FleetInstance> instances, List<FleetCopy> copies) {
        this(instances, copies, 0, Map.of());
    }
}
