package dev.stowage.domain.fleet;

import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.fleet.FleetCommand.ApplyPlan;
import dev.stowage.domain.placement.Decision;
import dev.stowage.domain.placement.Defragmenter;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.Placement;
import dev.stowage.domain.placement.Plan;
import dev.stowage.events.FleetEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One placement round of one fleet, as a pure function of what the placement reactor read: instances silent for too
 * long are lost, a rolling update holds its components to one unproven batch, placement plans (and, when that leaves
 * a component blocked, the defragmenter may move one copy), and stale copies go once their replacements allow. The
 * round's events are capped at {@value #MAX_EVENTS}; the append wakes the reactor again for the rest.
 */
final class FleetRound {
    /** DynamoDB transactions hold at most 100 items. */
    static final int MAX_EVENTS = 100;

    private static final FleetDecider FLEETS = new FleetDecider();

    private FleetRound() {}

    /**
     * The events that move {@code fleet} towards what {@code planning} and {@code components} ask for, at {@code now}.
     *
     * @param planning a planning that is not {@linkplain FleetPlanning#idle() idle}
     * @param components the inference components on this fleet, as their streams say now
     * @param heartbeats when each registered instance last beat; an instance without one counts from its {@code since}
     */
    static List<FleetEvent> decide(
            FleetState fleet,
            FleetPlanning planning,
            Map<String, InferenceComponentState.Present> components,
            Map<String, Instant> heartbeats,
            FleetSettings settings,
            Instant now) {
        List<FleetEvent> decided = new ArrayList<>(reap(fleet, heartbeats, settings, planning.provisionTimeout(), now));
        FleetState reaped = FLEETS.fold(fleet, decided);
        Set<String> stale = Rollout.staleCopies(reaped, components);
        Map<String, IcTarget> wanted = planning.targets(components, reaped);
        Map<String, IcTarget> targets = Rollout.batched(wanted, reaped, components, stale, now, settings.timeScale());
        Plan plan = Placement.plan(
                PlacementInput.view(reaped, planning::capacityOf, stale), targets, planning.policy(reaped));
        Map<String, Instant> specifications = specifications(components);
        List<FleetEvent> applied = new ArrayList<>(FLEETS.decide(new ApplyPlan(plan, specifications, now), reaped));
        if (stale.isEmpty()) {
            FleetState planned = FLEETS.fold(reaped, applied);
            Set<String> blocked = plan.only(Decision.Blocked.class).stream()
                    .map(Decision.Blocked::inferenceComponent)
                    .collect(Collectors.toSet());
            Defragmenter.move(PlacementInput.view(planned, planning::capacityOf, Set.of()), targets, blocked)
                    .ifPresent(move -> applied.addAll(
                            FLEETS.decide(new ApplyPlan(withBlocked(move, plan), specifications, now), planned)));
        }
        decided.addAll(applied);
        decided.addAll(
                Rollout.removals(FLEETS.fold(reaped, applied), components, wanted, stale, now, settings.timeScale()));
        // A plan's decisions never depend on each other's freed resources, so any prefix of it is safe on its own.
        return decided.size() > MAX_EVENTS ? List.copyOf(decided.subList(0, MAX_EVENTS)) : decided;
    }

    /**
     * Registered instances silent for longer than the heartbeat timeout, and requests that never registered: within
     * the variant's provision timeout, when it has one, a launch that failed for capacity (placement then looks to the
     * next pool); else within the boot timeout, a lost instance.
     */
    private static List<FleetEvent> reap(
            FleetState fleet,
            Map<String, Instant> heartbeats,
            FleetSettings settings,
            Optional<Duration> provisionTimeout,
            Instant now) {
        List<FleetEvent> lost = new ArrayList<>();
        for (FleetInstanceRecord instance : fleet.instances().values()) {
            Instant last = heartbeats.getOrDefault(instance.instanceId(), instance.since());
            boolean requested = instance.status() == FleetInstanceRecord.Status.REQUESTED;
            if (requested
                    && provisionTimeout.isPresent()
                    && last.plus(provisionTimeout.get()).isBefore(now)) {
                lost.add(new FleetEvent.InstanceLaunchFailed(
                        instance.instanceId(),
                        instance.instanceType(),
                        "It did not register within the VariantInstanceProvisionTimeoutInSeconds ("
                                + provisionTimeout.get().toSeconds() + " s).",
                        now));
                continue;
            }
            Duration timeout = requested ? settings.bootTimeout() : settings.heartbeatTimeout();
            if (last.plus(timeout).isBefore(now)) {
                String why = requested
                        ? "It did not register within " + timeout.toSeconds() + " s."
                        : "No heartbeat for " + timeout.toSeconds() + " s.";
                lost.add(new FleetEvent.InstanceLost(instance.instanceId(), why, now));
            }
        }
        return lost;
    }

    /** Which specification each component's new copies run. */
    private static Map<String, Instant> specifications(Map<String, InferenceComponentState.Present> components) {
        Map<String, Instant> specified = new TreeMap<>();
        components.forEach((name, ic) -> specified.put(name, ic.specifiedAt()));
        return specified;
    }

    /** A plan of one move that keeps what {@code plan} blocked blocked (a plan unblocks what it does not name). */
    private static Plan withBlocked(Decision move, Plan plan) {
        List<Decision> decisions = new ArrayList<>(List.of(move));
        decisions.addAll(plan.only(Decision.Blocked.class));
        return new Plan(decisions);
    }
}
