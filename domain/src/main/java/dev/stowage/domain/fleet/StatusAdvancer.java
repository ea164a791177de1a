package dev.stowage.domain.fleet;

import dev.stowage.domain.alarms.AlarmStates;
import dev.stowage.domain.component.InferenceComponentCommand.CompleteDeletion;
import dev.stowage.domain.component.InferenceComponentCommand.DeleteInferenceComponent;
import dev.stowage.domain.component.InferenceComponentCommand.MarkFailed;
import dev.stowage.domain.component.InferenceComponentCommand.MarkInService;
import dev.stowage.domain.component.InferenceComponentCommand.RollBackUpdate;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.component.RollingUpdate;
import dev.stowage.domain.endpoint.EndpointCommand.CompleteEndpointDeletion;
import dev.stowage.domain.endpoint.EndpointCommand.MarkEndpointInService;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.store.CommandService;
import dev.stowage.domain.store.StreamIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves components and endpoints to the status their fleet has reached, and rolls back an update of the
 * specification whose new copies keep failing, or (under a rolling update policy) whose time ran out or one of whose
 * alarms is in ALARM. Each step is an idempotent command on the
 * component's or endpoint's own stream, so a repeated round changes nothing.
 */
final class StatusAdvancer {
    private final CommandService commands;
    private final EndpointDecider endpoints;
    private final InferenceComponentDecider components;
    private final FleetSettings settings;
    private final AlarmStates alarms;

    StatusAdvancer(
            CommandService commands,
            EndpointDecider endpoints,
            InferenceComponentDecider components,
            FleetSettings settings,
            AlarmStates alarms) {
        this.commands = commands;
        this.endpoints = endpoints;
        this.components = components;
        this.settings = settings;
        this.alarms = alarms;
    }

    void advance(
            FleetKey key,
            EndpointState endpoint,
            FleetPlanning planning,
            Map<String, InferenceComponentState.Present> present,
            FleetState fleet,
            Instant now) {
        if (planning.endpointGoing()) {
            orphans(present, fleet, now);
        } else {
            present.forEach((name, ic) -> component(name, ic, fleet, now));
        }
        if (endpoint instanceof EndpointState.Present p) {
            String stream = StreamIds.endpoint(key.endpointName());
            if (p.status() == EndpointStatus.CREATING && fleet.runningInstances() >= planning.initialInstances()) {
                commands.handle(stream, endpoints, new MarkEndpointInService(key.endpointName(), now), "placement");
            }
            if (p.status() == EndpointStatus.DELETING && fleet.instances().isEmpty()) {
                commands.handle(stream, endpoints, new CompleteEndpointDeletion(key.endpointName(), now), "placement");
            }
        }
    }

    /**
     * Components whose endpoint is gone or going: deleted with it. A backstop only, for streams written before
     * CreateInferenceComponent and DeleteEndpoint excluded each other (their appends race on the endpoint's stream).
     */
    private void orphans(Map<String, InferenceComponentState.Present> present, FleetState fleet, Instant now) {
        present.forEach((name, ic) -> {
            String stream = StreamIds.inferenceComponent(name);
            if (ic.status() != InferenceComponentStatus.DELETING) {
                commands.handle(stream, components, new DeleteInferenceComponent(name, now), "placement");
            } else if (fleet.copiesOf(name).isEmpty()) {
                commands.handle(stream, components, new CompleteDeletion(name, now), "placement");
            }
        });
    }

    /** Why an update with a rolling update policy must be rolled back now, if it must. */
    private Optional<String> rollbackReason(InferenceComponentState.Present ic, Instant now) {
        if (!ic.rollbackAllowed() || ic.rollingUpdate().isEmpty()) {
            return Optional.empty();
        }
        RollingUpdate rolling = ic.rollingUpdate().orElseThrow();
        Optional<Duration> timeout = rolling.timeout();
        Optional<Duration> scaled = rolling.scaled(settings.timeScale()).timeout();
        if (scaled.isPresent() && !now.isBefore(ic.specifiedAt().plus(scaled.get()))) {
            return Optional.of("The update was rolled back: it did not finish within MaximumExecutionTimeoutInSeconds ("
                    + timeout.orElseThrow().toSeconds() + " s).");
        }
        Set<String> inAlarm = new TreeSet<>(alarms.inAlarm(rolling.alarms()));
        if (!inAlarm.isEmpty()) {
            return Optional.of("The update was rolled back: alarm " + String.join(", ", inAlarm)
                    + (inAlarm.size() == 1 ? " is" : " are") + " in ALARM.");
        }
        return Optional.empty();
    }

    /**
     * An adapter has no copies of its own: it is in service once every serving copy of its base (at least one) has
     * loaded it at its current specification (ADR 30). Before its base serves, it stays as it is. It fails when a copy
     * of its base could not load it at that specification, try after try.
     */
    private void adapter(String name, InferenceComponentState.Present ic, String base, FleetState fleet, Instant now) {
        var failed = fleet.copiesOf(base).stream()
                .filter(c -> c.adapterFailed(name, ic.specifiedAt()))
                .findFirst();
        if (failed.isPresent()) {
            String reason = "Adapter " + name + " could not be loaded into copy "
                    + failed.get().copyId() + " of " + base + ": "
                    + failed.get().adapterFailures().get(name).reason();
            commands.handle(
                    StreamIds.inferenceComponent(name), components, new MarkFailed(name, reason, now), "placement");
            return;
        }
        var serving = fleet.copiesOf(base).stream()
                .filter(c -> c.status() == FleetCopyRecord.Status.LOADED)
                .toList();
        if (!serving.isEmpty() && serving.stream().allMatch(c -> c.hasAdapter(name, ic.specifiedAt()))) {
            commands.handle(StreamIds.inferenceComponent(name), components, new MarkInService(name, now), "placement");
        }
    }

    private void component(String name, InferenceComponentState.Present ic, FleetState fleet, Instant now) {
        String stream = StreamIds.inferenceComponent(name);
        if (ic.status() == InferenceComponentStatus.DELETING) {
            if (fleet.copiesOf(name).isEmpty()) {
                commands.handle(stream, components, new CompleteDeletion(name, now), "placement");
            }
            return;
        }
        if (ic.status() != InferenceComponentStatus.CREATING && ic.status() != InferenceComponentStatus.UPDATING) {
            return;
        }
        if (ic.baseInferenceComponentName().isPresent()) {
            adapter(name, ic, ic.baseInferenceComponentName().get(), fleet, now);
            return;
        }
        Optional<String> rollback = rollbackReason(ic, now);
        if (rollback.isPresent()) {
            commands.handle(stream, components, new RollBackUpdate(name, rollback.get(), now), "placement");
            return;
        }
        CopyFailure failure = fleet.failures().get(name);
        if (failure != null
                && failure.inARow() >= settings.failuresBeforeFailed()
                && failure.at().isAfter(ic.changedAt())) {
            String reason =
                    failure.reason() + (failure.logTail().isBlank() ? "" : " Last log lines: " + failure.logTail());
            // An update whose new copies keep failing goes back to the copies that served before it.
            commands.handle(
                    stream,
                    components,
                    ic.rollbackAllowed()
                            ? new RollBackUpdate(
                                    name, "The update was rolled back: its new copies keep failing. " + reason, now)
                            : new MarkFailed(name, reason, now),
                    "placement");
            return;
        }
        Set<String> stale = Rollout.staleCopies(fleet, Map.of(name, ic));
        boolean allServing = fleet.copiesOf(name).stream()
                .allMatch(c -> c.status() == FleetCopyRecord.Status.LOADED
                        && !fleet.replacing(c)
                        && !stale.contains(c.copyId()));
        if (allServing && fleet.loadedCopies(name) == ic.desiredCopyCount()) {
            commands.handle(stream, components, new MarkInService(name, now), "placement");
        }
    }
}
