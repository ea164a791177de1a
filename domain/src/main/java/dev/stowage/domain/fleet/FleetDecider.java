package dev.stowage.domain.fleet;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.Decider;
import dev.stowage.domain.fleet.FleetCommand.ApplyPlan;
import dev.stowage.domain.fleet.FleetCommand.DeclareInstanceLost;
import dev.stowage.domain.fleet.FleetCommand.RegisterInstance;
import dev.stowage.domain.fleet.FleetCommand.ReportAdapterLoadFailed;
import dev.stowage.domain.fleet.FleetCommand.ReportAdapterLoaded;
import dev.stowage.domain.fleet.FleetCommand.ReportAdapterUnloaded;
import dev.stowage.domain.fleet.FleetCommand.ReportCopyFailed;
import dev.stowage.domain.fleet.FleetCommand.ReportCopyLoaded;
import dev.stowage.domain.fleet.FleetCommand.ReportCopyRemoved;
import dev.stowage.domain.fleet.FleetCommand.ReportLaunchFailed;
import dev.stowage.domain.placement.Decision;
import dev.stowage.events.FleetEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns placement plans and host reports into fleet events. Host reports are idempotent: a report about a copy
 * or instance the fleet no longer has, or already in that state, yields nothing (deliveries repeat).
 */
public final class FleetDecider implements Decider<FleetCommand, FleetState, FleetEvent> {

    @Override
    public FleetState initialState() {
        return FleetState.EMPTY;
    }

    @Override
    public List<FleetEvent> decide(FleetCommand command, FleetState state) {
        return switch (command) {
            case ApplyPlan apply -> apply(apply, state);
            case RegisterInstance register -> register(register, state);
            case DeclareInstanceLost lost ->
                state.instances().containsKey(lost.instanceId())
                        ? List.of(new FleetEvent.InstanceLost(lost.instanceId(), lost.why(), lost.at()))
                        : List.of();
            case ReportLaunchFailed failed -> launchFailed(failed, state);
            case ReportCopyLoaded loaded ->
                hasCopyIn(state, loaded.copyId(), FleetCopyRecord.Status.SCHEDULED)
                        ? List.of(new FleetEvent.CopyLoaded(loaded.copyId(), loaded.at()))
                        : List.of();
            case ReportAdapterLoaded loaded -> adapterLoaded(loaded, state);
            case ReportAdapterLoadFailed failed -> adapterLoadFailed(failed, state);
            case ReportAdapterUnloaded unloaded -> {
                FleetCopyRecord copy = state.copies().get(unloaded.copyId());
                yield copy != null && copy.adapters().containsKey(unloaded.adapterName())
                        ? List.of(new FleetEvent.AdapterUnloaded(
                                unloaded.copyId(), unloaded.adapterName(), unloaded.at()))
                        : List.of();
            }
            case ReportCopyFailed failed ->
                hasCopyIn(state, failed.copyId(), FleetCopyRecord.Status.SCHEDULED)
                                || hasCopyIn(state, failed.copyId(), FleetCopyRecord.Status.LOADED)
                        ? List.of(new FleetEvent.CopyFailed(
                                failed.copyId(), failed.reason(), failed.logTail(), failed.at()))
                        : List.of();
            case ReportCopyRemoved removed ->
                state.copies().containsKey(removed.copyId())
                        ? List.of(new FleetEvent.CopyRemoved(removed.copyId(), removed.at()))
                        : List.of();
        };
    }

    private static List<FleetEvent> register(RegisterInstance command, FleetState state) {
        FleetInstanceRecord instance = state.instances().get(command.instanceId());
        if (instance == null) {
            throw CommandRejected.validation("Instance " + command.instanceId() + " was not requested by this fleet.");
        }
        if (instance.status() != FleetInstanceRecord.Status.REQUESTED) {
            return List.of();
        }
        return List.of(new FleetEvent.InstanceRegistered(
                command.instanceId(), command.address(), command.capacity(), command.at()));
    }

    /** Only a launch still awaited can fail: a repeated report, or one about an instance that came up, is nothing. */
    private static List<FleetEvent> launchFailed(ReportLaunchFailed command, FleetState state) {
        FleetInstanceRecord instance = state.instances().get(command.instanceId());
        if (instance == null || instance.status() != FleetInstanceRecord.Status.REQUESTED) {
            return List.of();
        }
        return List.of(new FleetEvent.InstanceLaunchFailed(
                instance.instanceId(), instance.instanceType(), command.reason(), command.at()));
    }

    /** Once per copy, adapter and specification; a copy being removed or gone loads nothing. */
    private static List<FleetEvent> adapterLoaded(ReportAdapterLoaded command, FleetState state) {
        FleetCopyRecord copy = state.copies().get(command.copyId());
        if (copy == null
                || copy.status() == FleetCopyRecord.Status.REMOVING
                || copy.hasAdapter(command.adapterName(), command.specifiedAt())) {
            return List.of();
        }
        return List.of(new FleetEvent.AdapterLoaded(
                command.copyId(), command.adapterName(), command.specifiedAt(), command.at()));
    }

    /** Once per copy, adapter and specification; nothing for one loaded at that specification or a copy leaving. */
    private static List<FleetEvent> adapterLoadFailed(ReportAdapterLoadFailed command, FleetState state) {
        FleetCopyRecord copy = state.copies().get(command.copyId());
        if (copy == null
                || copy.status() == FleetCopyRecord.Status.REMOVING
                || copy.hasAdapter(command.adapterName(), command.specifiedAt())
                || copy.adapterFailed(command.adapterName(), command.specifiedAt())) {
            return List.of();
        }
        return List.of(new FleetEvent.AdapterLoadFailed(
                command.copyId(), command.adapterName(), command.specifiedAt(), command.reason(), command.at()));
    }

    private static boolean hasCopyIn(FleetState state, String copyId, FleetCopyRecord.Status status) {
        FleetCopyRecord copy = state.copies().get(copyId);
        return copy != null && copy.status() == status;
    }

    private static List<FleetEvent> apply(ApplyPlan command, FleetState state) {
        List<FleetEvent> events = new ArrayList<>();
        Set<String> blockedNow = new HashSet<>();
        for (Decision decision : command.plan().decisions()) {
            switch (decision) {
                case Decision.ScheduleCopy s ->
                    events.add(new FleetEvent.CopyScheduled(
                            s.inferenceComponent(),
                            s.copyId(),
                            s.instanceId(),
                            s.deviceIndices(),
                            s.resources().milliCores(),
                            s.resources().memoryMib(),
                            s.replaces().orElse(""),
                            s.why(),
                            command.specifiedAt().getOrDefault(s.inferenceComponent(), command.at()),
                            command.at()));
                case Decision.RemoveCopy r -> {
                    FleetCopyRecord copy = state.copies().get(r.copyId());
                    if (copy != null && copy.status() != FleetCopyRecord.Status.REMOVING) {
                        events.add(new FleetEvent.CopyRemovalScheduled(r.copyId(), r.why(), command.at()));
                    }
                }
                case Decision.RequestInstance r ->
                    events.add(new FleetEvent.InstanceRequested(
                            r.instanceId(), r.instanceType(), r.zone(), r.why(), command.at()));
                case Decision.DrainInstance d -> {
                    FleetInstanceRecord instance = state.instances().get(d.instanceId());
                    if (instance != null && instance.status() == FleetInstanceRecord.Status.RUNNING) {
                        events.add(new FleetEvent.InstanceDrainStarted(d.instanceId(), d.why(), command.at()));
                    }
                }
                case Decision.RetireInstance r -> {
                    if (state.instances().containsKey(r.instanceId())) {
                        events.add(new FleetEvent.InstanceRetired(r.instanceId(), r.why(), command.at()));
                    }
                }
                case Decision.Blocked b -> {
                    blockedNow.add(b.inferenceComponent());
                    if (!b.why().equals(state.blocked().get(b.inferenceComponent()))) {
                        events.add(new FleetEvent.PlacementBlocked(b.inferenceComponent(), b.why(), command.at()));
                    }
                }
            }
        }
        state.blocked().keySet().stream()
                .filter(ic -> !blockedNow.contains(ic))
                .sorted()
                .forEach(ic -> events.add(new FleetEvent.PlacementBlocked(ic, "", command.at())));
        return List.copyOf(events);
    }

    @Override
    public FleetState evolve(FleetState state, FleetEvent event) {
        return state.evolve(event);
    }
}
