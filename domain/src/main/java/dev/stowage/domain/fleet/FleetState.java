package dev.stowage.domain.fleet;

import dev.stowage.domain.fleet.FleetCopyRecord.Status;
import dev.stowage.domain.placement.ScaleIn;
import dev.stowage.events.FleetEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A fleet folded from its stream: live instances and copies (lost, retired, failed and removed ones are gone),
 * why placement is blocked per inference component, the run of copy failures per component, the highest
 * instance and copy numbers ever used, so new ids never repeat an old one, and per instance type the last launch
 * that failed for capacity since one of that type last registered, and per component how long its last copy took
 * from scheduled to loaded.
 */
public record FleetState(
        Map<String, FleetInstanceRecord> instances,
        Map<String, FleetCopyRecord> copies,
        Map<String, String> blocked,
        Map<String, CopyFailure> failures,
        Map<String, Integer> usedCopyNumbers,
        int usedInstanceNumber,
        Map<String, CapacityShortage> shortages,
        Map<String, Duration> loadTimes) {

    public static final FleetState EMPTY =
            new FleetState(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0, Map.of(), Map.of());

    public FleetState {
        instances = Map.copyOf(instances);
        copies = Map.copyOf(copies);
        blocked = Map.copyOf(blocked);
        failures = Map.copyOf(failures);
        usedCopyNumbers = Map.copyOf(usedCopyNumbers);
        // A snapshot written before shortages were kept has none.
        shortages = shortages == null ? Map.of() : Map.copyOf(shortages);
        // Nor load times, before they were measured.
        loadTimes = loadTimes == null ? Map.of() : Map.copyOf(loadTimes);
    }

    /** A fleet no launch of which has failed for capacity. */
    public FleetState(
            Map<String, FleetInstanceRecord> instances,
            Map<String, FleetCopyRecord> copies,
            Map<String, String> blocked,
            Map<String, CopyFailure> failures,
            Map<String, Integer> usedCopyNumbers,
            int usedInstanceNumber) {
        this(instances, copies, blocked, failures, usedCopyNumbers, usedInstanceNumber, Map.of(), Map.of());
    }

    public List<FleetCopyRecord> copiesOf(String inferenceComponentName) {
        return copies.values().stream()
                .filter(c -> c.inferenceComponentName().equals(inferenceComponentName))
                .toList();
    }

    /** Serving copies of a component, a move's replacement not counted while its original still serves. */
    public int loadedCopies(String inferenceComponentName) {
        return (int) copiesOf(inferenceComponentName).stream()
                .filter(c -> c.status() == Status.LOADED && !replacing(c))
                .count();
    }

    /** Serving copies of a component (as {@link #loadedCopies}) by the type of the instance they are on. */
    public Map<String, Integer> loadedCopiesByInstanceType(String inferenceComponentName) {
        Map<String, Integer> byType = new TreeMap<>();
        copiesOf(inferenceComponentName).stream()
                .filter(c -> c.status() == Status.LOADED && !replacing(c) && instances.containsKey(c.instanceId()))
                .forEach(c -> byType.merge(instances.get(c.instanceId()).instanceType(), 1, Integer::sum));
        return byType;
    }

    /** Registered instances of each type. */
    public Map<String, Integer> runningInstancesByType() {
        Map<String, Integer> byType = new TreeMap<>();
        instances.values().stream()
                .filter(i -> i.status() == FleetInstanceRecord.Status.RUNNING)
                .forEach(i -> byType.merge(i.instanceType(), 1, Integer::sum));
        return byType;
    }

    /**
     * Whether {@code copy} is a move's replacement whose original still serves: once the original is being removed
     * (make before break: the replacement has loaded), the replacement serves in its place and counts as any copy.
     */
    public boolean replacing(FleetCopyRecord copy) {
        FleetCopyRecord original = copy.replaces().isEmpty() ? null : copies.get(copy.replaces());
        return original != null && original.status() != Status.REMOVING;
    }

    /**
     * When copies of the last CONSOLIDATION step were last scheduled or loaded, as far as the live records tell (their
     * reasons say the step): the cool-down of the next step counts from here.
     */
    public Optional<Instant> lastConsolidationStep() {
        return copies.values().stream()
                .filter(c -> c.why().startsWith(ScaleIn.STEP))
                .map(FleetCopyRecord::since)
                .max(Instant::compareTo);
    }

    public long runningInstances() {
        return instances.values().stream()
                .filter(i -> i.status() == FleetInstanceRecord.Status.RUNNING)
                .count();
    }

    FleetState evolve(FleetEvent event) {
        return switch (event) {
            case FleetEvent.InstanceRequested e ->
                withInstances(m -> m.put(
                                e.instanceId(),
                                new FleetInstanceRecord(
                                        e.instanceId(),
                                        e.instanceType(),
                                        FleetInstanceRecord.Status.REQUESTED,
                                        Optional.empty(),
                                        Optional.empty(),
                                        e.at(),
                                        Optional.empty(),
                                        e.zone())))
                        .withInstanceNumber(e.instanceId());
            case FleetEvent.InstanceRegistered e -> registered(e);
            case FleetEvent.InstanceLost e -> withoutInstance(e.instanceId());
            case FleetEvent.InstanceLaunchFailed e -> {
                Map<String, CapacityShortage> next = new LinkedHashMap<>(shortages);
                next.put(e.instanceType(), new CapacityShortage(e.reason(), e.at()));
                FleetState without = withoutInstance(e.instanceId());
                yield new FleetState(
                        without.instances,
                        without.copies,
                        blocked,
                        failures,
                        usedCopyNumbers,
                        usedInstanceNumber,
                        next,
                        loadTimes);
            }
            case FleetEvent.InstanceRetired e -> withoutInstance(e.instanceId());
            case FleetEvent.InstanceDrainStarted e ->
                withInstances(m -> m.computeIfPresent(e.instanceId(), (id, i) -> i.draining()));
            case FleetEvent.CopyScheduled e -> scheduled(e);
            case FleetEvent.CopyLoaded e -> loaded(e.copyId(), e.at());
            case FleetEvent.AdapterLoadFailed e ->
                withCopies(m -> m.computeIfPresent(
                        e.copyId(),
                        (id, c) -> c.withAdapterFailure(
                                e.adapterName(), new FleetCopyRecord.AdapterFailure(e.specifiedAt(), e.reason()))));
            case FleetEvent.AdapterUnloaded e ->
                withCopies(m -> m.computeIfPresent(e.copyId(), (id, c) -> c.withoutAdapter(e.adapterName())));
            case FleetEvent.AdapterLoaded e ->
                withCopies(m ->
                        m.computeIfPresent(e.copyId(), (id, c) -> c.withAdapter(e.adapterName(), e.specifiedAt())));
            case FleetEvent.CopyFailed e -> failed(e);
            case FleetEvent.CopyRemovalScheduled e ->
                withCopies(m -> m.computeIfPresent(e.copyId(), (id, c) -> c.with(Status.REMOVING, e.at())));
            case FleetEvent.CopyRemoved e -> withoutCopy(e.copyId(), e.at());
            case FleetEvent.PlacementBlocked e -> {
                Map<String, String> next = new LinkedHashMap<>(blocked);
                if (e.why().isEmpty()) {
                    next.remove(e.inferenceComponentName());
                } else {
                    next.put(e.inferenceComponentName(), e.why());
                }
                yield new FleetState(
                        instances, copies, next, failures, usedCopyNumbers, usedInstanceNumber, shortages, loadTimes);
            }
        };
    }

    /** A registration proves the provider has the type again. */
    private FleetState registered(FleetEvent.InstanceRegistered e) {
        FleetState next = withInstances(
                m -> m.computeIfPresent(e.instanceId(), (id, i) -> i.registered(e.address(), e.capacity(), e.at())));
        FleetInstanceRecord instance = instances.get(e.instanceId());
        if (instance == null || !shortages.containsKey(instance.instanceType())) {
            return next;
        }
        Map<String, CapacityShortage> fewer = new LinkedHashMap<>(shortages);
        fewer.remove(instance.instanceType());
        return new FleetState(
                next.instances, next.copies, blocked, failures, usedCopyNumbers, usedInstanceNumber, fewer, loadTimes);
    }

    private FleetState scheduled(FleetEvent.CopyScheduled e) {
        var copy = new FleetCopyRecord(
                e.copyId(),
                e.inferenceComponentName(),
                e.instanceId(),
                e.deviceIndices(),
                e.milliCores(),
                e.memoryMib(),
                e.replaces(),
                Status.SCHEDULED,
                e.at(),
                e.why(),
                e.specifiedAt());
        Map<String, Integer> numbers = new LinkedHashMap<>(usedCopyNumbers);
        FleetIds.copyNumber(e.inferenceComponentName(), e.copyId())
                .ifPresent(n -> numbers.merge(e.inferenceComponentName(), n, Math::max));
        return withCopies(m -> m.put(copy.copyId(), copy)).with(blocked, failures, numbers);
    }

    private FleetState loaded(String copyId, Instant at) {
        FleetCopyRecord copy = copies.get(copyId);
        if (copy == null) {
            return this;
        }
        Map<String, CopyFailure> nextFailures = new LinkedHashMap<>(failures);
        nextFailures.remove(copy.inferenceComponentName());
        FleetState next = withCopies(m -> m.put(copyId, copy.with(Status.LOADED, at)))
                .with(blocked, nextFailures, usedCopyNumbers);
        if (copy.status() != Status.SCHEDULED || at.isBefore(copy.since())) {
            return next;
        }
        Map<String, Duration> times = new LinkedHashMap<>(loadTimes);
        times.put(copy.inferenceComponentName(), Duration.between(copy.since(), at));
        return new FleetState(
                next.instances,
                next.copies,
                next.blocked,
                next.failures,
                next.usedCopyNumbers,
                next.usedInstanceNumber,
                next.shortages,
                times);
    }

    private FleetState failed(FleetEvent.CopyFailed e) {
        FleetCopyRecord copy = copies.get(e.copyId());
        if (copy == null) {
            return this;
        }
        Map<String, CopyFailure> nextFailures = new LinkedHashMap<>(failures);
        // A copy that served and then died (an exit, an OOM kill) is replaced as a lost one is; only copies that never
        // started count towards failing the component.
        int inARow = Optional.ofNullable(failures.get(copy.inferenceComponentName()))
                        .map(CopyFailure::inARow)
                        .orElse(0)
                + (copy.status() == Status.LOADED ? 0 : 1);
        nextFailures.put(copy.inferenceComponentName(), new CopyFailure(e.reason(), e.logTail(), inARow, e.at()));
        return withoutCopy(e.copyId(), e.at()).with(blocked, nextFailures, usedCopyNumbers);
    }

    private FleetState withoutCopy(String copyId, Instant at) {
        FleetCopyRecord copy = copies.get(copyId);
        if (copy == null) {
            return this;
        }
        return withCopies(m -> m.remove(copyId))
                .withInstances(m -> m.computeIfPresent(copy.instanceId(), (id, i) -> i.hostedUntil(at)));
    }

    private FleetState withoutInstance(String instanceId) {
        return withInstances(m -> m.remove(instanceId))
                .withCopies(m -> m.values().removeIf(c -> c.instanceId().equals(instanceId)));
    }

    private FleetState withInstanceNumber(String instanceId) {
        int number = FleetIds.instanceNumber(instanceId).orElse(0);
        return new FleetState(
                instances,
                copies,
                blocked,
                failures,
                usedCopyNumbers,
                Math.max(usedInstanceNumber, number),
                shortages,
                loadTimes);
    }

    private FleetState withInstances(Consumer<Map<String, FleetInstanceRecord>> change) {
        Map<String, FleetInstanceRecord> next = new LinkedHashMap<>(instances);
        change.accept(next);
        return new FleetState(
                next, copies, blocked, failures, usedCopyNumbers, usedInstanceNumber, shortages, loadTimes);
    }

    private FleetState withCopies(Consumer<Map<String, FleetCopyRecord>> change) {
        Map<String, FleetCopyRecord> next = new LinkedHashMap<>(copies);
        change.accept(next);
        return new FleetState(
                instances, next, blocked, failures, usedCopyNumbers, usedInstanceNumber, shortages, loadTimes);
    }

    private FleetState with(
            Map<String, String> nextBlocked, Map<String, CopyFailure> nextFailures, Map<String, Integer> numbers) {
        return new FleetState(
                instances, copies, nextBlocked, nextFailures, numbers, usedInstanceNumber, shortages, loadTimes);
    }
}
