package dev.stowage.domain.placement;

import java.util.List;

/** The fleet of one endpoint variant as read from its stream: its instances and the copies on them. */
public record FleetView(List<FleetInstance> instances, List<FleetCopy> copies) {
    public static final FleetView EMPTY = new FleetView(List.of(), List.of());

    public FleetView {
        instances = List.copyOf(instances);
        copies = List.copyOf(copies);
    }
}
