package dev.stowage.domain.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Working state of one instance while a plan is made: what is still free (devices by index) and how many
 * copies of each inference component it holds. Mutable and copied for every packing trial.
 */
final class Host {
    enum Kind {
        RUNNING,
        REQUESTED,
        DRAINING,
        NEW
    }

    final String id;
    final Kind kind;
    final String type;
    final String zone;
    final Resources capacity;
    private long freeMilli;
    private long freeMemory;
    private long usedDevices;
    private final Map<String, Integer> perIc;
    private int copies;

    Host(String id, Kind kind, String type, Resources capacity) {
        this(id, kind, type, "", capacity);
    }

    /** {@code zone}: the availability zone, "" when unknown. */
    Host(String id, Kind kind, String type, String zone, Resources capacity) {
        this(id, kind, type, zone, capacity, capacity.milliCores(), capacity.memoryMib(), 0L, new HashMap<>(), 0);
    }

    private Host(
            String id,
            Kind kind,
            String type,
            String zone,
            Resources capacity,
            long freeMilli,
            long freeMemory,
            long usedDevices,
            Map<String, Integer> perIc,
            int copies) {
        this.id = id;
        this.kind = kind;
        this.type = type;
        this.zone = zone;
        this.capacity = capacity;
        this.freeMilli = freeMilli;
        this.freeMemory = freeMemory;
        this.usedDevices = usedDevices;
        this.perIc = perIc;
        this.copies = copies;
    }

    Host copy() {
        return new Host(
                id, kind, type, zone, capacity, freeMilli, freeMemory, usedDevices, new HashMap<>(perIc), copies);
    }

    /** Records a copy already on this instance, whatever its state. */
    void hold(String ic, Resources resources, List<Integer> deviceIndices) {
        for (int index : deviceIndices) {
            if (index >= 0 && index < capacity.devices()) {
                usedDevices |= 1L << index;
            }
        }
        freeMilli -= resources.milliCores();
        freeMemory -= resources.memoryMib();
        perIc.merge(ic, 1, Integer::sum);
        copies++;
    }

    /** Whether {@code item} can run on this instance's type and fits what is free. */
    boolean fits(Item item) {
        return item.on(this).filter(this::fits).isPresent();
    }

    /** Takes what {@code item} needs on this instance's type; the caller checked {@link #fits(Item)}. */
    List<Integer> take(Item item) {
        return take(item.ic(), item.on(this).orElseThrow());
    }

    boolean fits(Resources demand) {
        return demand.milliCores() <= freeMilli
                && demand.memoryMib() <= freeMemory
                && demand.devices() <= freeDevices();
    }

    /** Takes the lowest free device indices, the cores and the memory; the caller checked {@link #fits}. */
    List<Integer> take(String ic, Resources demand) {
        List<Integer> indices = new ArrayList<>(demand.devices());
        for (int index = 0; indices.size() < demand.devices(); index++) {
            if ((usedDevices & (1L << index)) == 0) {
                usedDevices |= 1L << index;
                indices.add(index);
            }
        }
        freeMilli -= demand.milliCores();
        freeMemory -= demand.memoryMib();
        perIc.merge(ic, 1, Integer::sum);
        copies++;
        return indices;
    }

    /** Whether this host is empty and like {@code other} (another empty host of the same type and capacity). */
    boolean equivalentEmpty(Host other) {
        return other != null
                && copies == 0
                && type.equals(other.type)
                && zone.equals(other.zone)
                && capacity.equals(other.capacity);
    }

    int freeDevices() {
        return capacity.devices() - Long.bitCount(usedDevices);
    }

    long freeMilli() {
        return freeMilli;
    }

    long freeMemory() {
        return freeMemory;
    }

    Resources free() {
        return new Resources(Math.max(0, freeMilli), freeDevices(), Math.max(0, freeMemory));
    }

    int count(String ic) {
        return perIc.getOrDefault(ic, 0);
    }

    int copies() {
        return copies;
    }

    /** The largest used share of any resource, 0 (empty) to 1 (full). */
    double utilization() {
        return Math.max(
                Math.max(
                        share(capacity.milliCores() - freeMilli, capacity.milliCores()),
                        share(capacity.memoryMib() - freeMemory, capacity.memoryMib())),
                share(Long.bitCount(usedDevices), capacity.devices()));
    }

    private static double share(long used, long total) {
        return total == 0 ? 0 : (double) used / total;
    }
}
