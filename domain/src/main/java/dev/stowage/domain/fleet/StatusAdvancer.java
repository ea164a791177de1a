package dev.stowage.domain.fleet;

import dev.stowage.domain.app.CommandService;
import dev.stowage.domain.app.StreamIds;
import dev.stowage.domain.component.InferenceComponentCommand.CompleteDeletion;
import dev.stowage.domain.component.InferenceComponentCommand.MarkFailed;
import dev.stowage.domain.component.InferenceComponentCommand.MarkInService;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointCommand.CompleteEndpointDeletion;
import dev.stowage.domain.endpoint.EndpointCommand.MarkEndpointInService;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.EndpointStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Moves components and endpoints to the status their fleet has reached. Each step is an idempotent command on
 * the component's or endpoint's own stream, so a repeated round changes nothing.
 */
final class StatusAdvancer {
    private final CommandService commands;
    private final EndpointDecider endpoints;
    private final InferenceComponentDecider components;
    private final FleetSettings settings;

    StatusAdvancer(
            CommandService commands,
            EndpointDecider endpoints,
            InferenceComponentDecider components,
            FleetSettings settings) {
        this.commands = commands;
        this.endpoints = endpoints;
        this.components = components;
        this.settings = settings;
    }

    void advance(
            FleetKey key,
            EndpointState endpoint,
            FleetPlanning planning,
            Map<String, InferenceComponentState.Present> present,
            FleetState fleet,
            Instant now) {
        present.forEach((name, ic) -> component(name, ic, fleet, now));
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
        CopyFailure failure = fleet.failures().get(name);
        if (failure != null
                && failure.inARow() >= settings.failuresBeforeFailed()
                && failure.at().isAfter(ic.changedAt())) {
            String reason =
                    failure.reason() + (failure.logTail().isBlank() ? "" : " Last log lines: " + failure.logTail());
            commands.handle(stream, components, new MarkFailed(name, reason, now), "placement");
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
