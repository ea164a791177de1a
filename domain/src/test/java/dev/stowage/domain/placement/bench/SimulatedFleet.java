package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.Decision;
import dev.stowage.domain.placement.Decision.RemoveCopy;
import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Decision.RetireInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import dev.stowage.domain.placement.FleetCopy;
import dev.stowage.domain.placement.FleetInstance;
import dev.stowage.domain.placement.FleetView;
import dev.stowage.domain.placement.InstanceCapacity;
import dev.stowage.domain.placement.Plan;
import dev.stowage.domain.placement.Resources;
import dev.stowage.domain.placement.ScaleIn;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One endpoint's fleet in simulated time, as its stream would fold it ({@code FleetState}): a requested instance runs
 * after the boot time, a scheduled copy loads after its component's load time (the time is then measured, as
 * {@code FleetState.loadTimes}), a copy being removed is gone after the removal time and leaves its instance's last
 * hosting time, a retired instance is gone. A launch the provider refuses is an {@code InstanceLaunchFailed}: the
 * instance is dropped and its type is short from then until an instance of the type registers.
 */
final class SimulatedFleet {
    static final Duration BOOT = Duration.ofMinutes(6);
    static final Duration REMOVAL = Duration.ofSeconds(30);

    private static final class Instance {
        final String id;
        final String type;
        final InstanceCapacity capacity;
        FleetInstance.State state = FleetInstance.State.REQUESTED;
        Instant since;
        Optional<Instant> lastHostedAt = Optional.empty();
        final Instant readyAt;

        Instance(String id, String type, InstanceCapacity capacity, Instant since) {
            this.id = id;
            this.type = type;
            this.capacity = capacity;
            this.since = since;
            this.readyAt = since.plus(BOOT);
        }
    }

    private static final class Copy {
        final ScheduleCopy scheduled;
        final Instant scheduledAt;
        FleetCopy.State state = FleetCopy.State.SCHEDULED;
        Instant since;
        Instant doneAt;

        Copy(ScheduleCopy scheduled, Instant at, Duration load) {
            this.scheduled = scheduled;
            this.scheduledAt = at;
            this.since = at;
            this.doneAt = at.plus(load);
        }
    }

    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, Copy> copies = new LinkedHashMap<>();
    private final Map<String, Duration> measured = new LinkedHashMap<>();
    private final Map<String, Instant> shortages = new LinkedHashMap<>();
    private final Map<String, Integer> usedCopyNumbers = new LinkedHashMap<>();
    private int usedInstanceNumber;
    private final Map<String, Duration> loadTimes;
    private final Function<String, InstanceCapacity> capacities;
    private final Provider provider;
    int moves;
    int launchFailures;

    /** Whether the provider gives one more instance of a type, {@code launched} of it being requested or running. */
    interface Provider {
        boolean launches(String instanceType, long launched);
    }

    SimulatedFleet(Map<String, Duration> loadTimes, Function<String, InstanceCapacity> capacities, Provider provider) {
        this.loadTimes = loadTimes;
        this.capacities = capacities;
        this.provider = provider;
    }

    /** Every boot, load and removal due by {@code now} is done. */
    void advance(Instant now) {
        for (Instance i : instances.values()) {
            if (i.state == FleetInstance.State.REQUESTED && !i.readyAt.isAfter(now)) {
                i.state = FleetInstance.State.RUNNING;
                i.since = i.readyAt;
                shortages.remove(i.type);
            }
        }
        var it = copies.values().iterator();
        while (it.hasNext()) {
            Copy c = it.next();
            if (c.doneAt.isAfter(now)) {
                continue;
            }
            if (c.state == FleetCopy.State.SCHEDULED) {
                c.state = FleetCopy.State.LOADED;
                c.since = c.doneAt;
                measured.put(c.scheduled.inferenceComponent(), Duration.between(c.scheduledAt, c.doneAt));
            } else if (c.state == FleetCopy.State.REMOVING) {
                it.remove();
                Instance host = instances.get(c.scheduled.instanceId());
                if (host != null) {
                    Instant at = c.doneAt;
                    host.lastHostedAt = Optional.of(
                            host.lastHostedAt.filter(t -> t.isAfter(at)).orElse(at));
                }
            }
        }
    }

    /** The next boot, load or removal to come, if any. */
    Optional<Instant> nextEvent() {
        Optional<Instant> instance = instances.values().stream()
                .filter(i -> i.state == FleetInstance.State.REQUESTED)
                .map(i -> i.readyAt)
                .min(Instant::compareTo);
        Optional<Instant> copy = copies.values().stream()
                .filter(c -> c.state != FleetCopy.State.LOADED)
                .map(c -> c.doneAt)
                .min(Instant::compareTo);
        return instance.isEmpty()
                ? copy
                : copy.filter(c -> c.isBefore(instance.get())).or(() -> instance);
    }

    void apply(Plan plan, Instant now) {
        for (Decision decision : plan.decisions()) {
            switch (decision) {
                case ScheduleCopy s -> {
                    copies.put(
                            s.copyId(),
                            new Copy(s, now, loadTimes.getOrDefault(s.inferenceComponent(), Duration.ZERO)));
                    usedCopyNumbers.merge(s.inferenceComponent(), number(s.copyId()), Math::max);
                    moves += s.replaces().isPresent() ? 1 : 0;
                }
                case RemoveCopy r -> {
                    Copy c = copies.get(r.copyId());
                    if (c != null && c.state != FleetCopy.State.REMOVING) {
                        c.state = FleetCopy.State.REMOVING;
                        c.since = now;
                        c.doneAt = now.plus(REMOVAL);
                    }
                }
                case RequestInstance r -> {
                    usedInstanceNumber = Math.max(usedInstanceNumber, number(r.instanceId()));
                    long launched = instances.values().stream()
                            .filter(i -> i.type.equals(r.instanceType()))
                            .count();
                    if (provider.launches(r.instanceType(), launched)) {
                        instances.put(
                                r.instanceId(),
                                new Instance(
                                        r.instanceId(), r.instanceType(), capacities.apply(r.instanceType()), now));
                    } else {
                        launchFailures++;
                        shortages.put(r.instanceType(), now);
                    }
                }
                case Decision.DrainInstance d -> {
                    Instance instance = instances.get(d.instanceId());
                    if (instance != null && instance.state == FleetInstance.State.RUNNING) {
                        instance.state = FleetInstance.State.DRAINING;
                    }
                }
                case RetireInstance r -> {
                    instances.remove(r.instanceId());
                    copies.values().removeIf(c -> c.scheduled.instanceId().equals(r.instanceId()));
                }
                case Decision.Blocked b -> {}
            }
        }
    }

    /** The fleet as placement sees it ({@code PlacementInput.view}). */
    FleetView view() {
        List<FleetInstance> seen = instances.values().stream()
                .map(i -> new FleetInstance(i.id, i.type, i.state, i.capacity, i.since, i.lastHostedAt))
                .toList();
        List<FleetCopy> held = copies.values().stream()
                .map(c -> new FleetCopy(
                        c.scheduled.copyId(),
                        c.scheduled.inferenceComponent(),
                        c.scheduled.instanceId(),
                        c.scheduled.deviceIndices(),
                        c.scheduled.resources(),
                        c.state,
                        c.scheduled.replaces().filter(copies::containsKey)))
                .toList();
        return new FleetView(seen, held, usedInstanceNumber, usedCopyNumbers);
    }

    /** {@code FleetState.lastConsolidationStep}: when copies of the last CONSOLIDATION step last changed. */
    Optional<Instant> lastStep() {
        return copies.values().stream()
                .filter(c -> c.scheduled.why().startsWith(ScaleIn.STEP))
                .map(c -> c.since)
                .max(Instant::compareTo);
    }

    Map<String, Duration> measuredLoadTimes() {
        return measured;
    }

    /** When each type's last launch failed for capacity, for types no instance registered since. */
    Map<String, Instant> shortages() {
        return shortages;
    }

    /** Every copy loaded, every instance running: nothing under way. */
    boolean settled() {
        return copies.values().stream().allMatch(c -> c.state == FleetCopy.State.LOADED)
                && instances.values().stream().allMatch(i -> i.state == FleetInstance.State.RUNNING);
    }

    /** Instances (requested or running) by type. */
    Map<String, Integer> instancesByType() {
        Map<String, Integer> byType = new LinkedHashMap<>();
        instances.values().forEach(i -> byType.merge(i.type, 1, Integer::sum));
        return byType;
    }

    /** Instances hosting no copy at all. */
    int empty() {
        return (int) instances.values().stream()
                .filter(i -> copies.values().stream()
                        .noneMatch(c -> c.scheduled.instanceId().equals(i.id)))
                .count();
    }

    /** Instances holding half their devices or fewer (some copy on each): what consolidation could empty. */
    int halfEmpty() {
        Map<String, Integer> held = new LinkedHashMap<>();
        copies.values()
                .forEach(c -> held.merge(
                        c.scheduled.instanceId(), c.scheduled.resources().devices(), Integer::sum));
        return (int) instances.values().stream()
                .filter(i -> copies.values().stream()
                        .anyMatch(c -> c.scheduled.instanceId().equals(i.id)))
                .filter(i -> 2 * held.getOrDefault(i.id, 0) <= i.capacity.deviceCount())
                .count();
    }

    /** Devices on the instances, and devices held by copies. */
    int[] devices() {
        int all = instances.values().stream()
                .mapToInt(i -> i.capacity.deviceCount())
                .sum();
        int held = copies.values().stream()
                .mapToInt(c -> c.scheduled.resources().devices())
                .sum();
        return new int[] {all, held};
    }

    /**
     * On instances of {@code type}: devices paid for, devices held, and devices held by copies that would fit an empty
     * instance of {@code smaller}.
     */
    int[] devicesOn(String type, Resources smaller) {
        int paid = instances.values().stream()
                .filter(i -> i.type.equals(type))
                .mapToInt(i -> i.capacity.deviceCount())
                .sum();
        int held = 0;
        int fitSmaller = 0;
        for (Copy c : copies.values()) {
            Instance host = instances.get(c.scheduled.instanceId());
            if (host != null && host.type.equals(type)) {
                held += c.scheduled.resources().devices();
                fitSmaller += c.scheduled.resources().fitsIn(smaller)
                        ? c.scheduled.resources().devices()
                        : 0;
            }
        }
        return new int[] {paid, held, fitSmaller};
    }

    /** Loaded copies not being removed, by component. */
    Map<String, Integer> serving() {
        Map<String, Integer> serving = new LinkedHashMap<>();
        copies.values().stream()
                .filter(c -> c.state == FleetCopy.State.LOADED)
                .forEach(c -> serving.merge(c.scheduled.inferenceComponent(), 1, Integer::sum));
        return serving;
    }

    /** The number ending an instance id ({@code i-12}) or a copy id ({@code ic-c3}). */
    private static int number(String id) {
        String digits = id.substring(id.lastIndexOf('-') + 1).replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
