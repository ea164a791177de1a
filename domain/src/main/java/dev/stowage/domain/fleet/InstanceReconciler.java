package dev.stowage.domain.fleet;

import dev.stowage.domain.app.AppendContext;
import dev.stowage.domain.app.EventStore;
import dev.stowage.domain.app.InstanceProvider;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.FleetEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Makes the instance provider's machines match the fleet: launches requested instances it has not launched
 * (the request event's id as client token) and terminates launched ones the fleet no longer has (retired or
 * lost). It reads state, not events, so a missed or repeated wake-up is harmless.
 */
public final class InstanceReconciler {
    private final EventStore events;
    private final InstanceProvider provider;

    public InstanceReconciler(EventStore events, InstanceProvider provider) {
        this.events = events;
        this.provider = provider;
    }

    public void reconcile(FleetKey key) {
        FleetDecider decider = new FleetDecider();
        FleetState fleet = decider.initialState();
        Map<String, String> requestTokens = new HashMap<>();
        for (EventEnvelope envelope : events.read(key.stream())) {
            FleetEvent event = (FleetEvent) envelope.event();
            if (event instanceof FleetEvent.InstanceRequested requested) {
                requestTokens.put(requested.instanceId(), AppendContext.eventId(key.stream(), envelope.version()));
            }
            fleet = decider.evolve(fleet, event);
        }
        Set<String> launched = new HashSet<>(provider.launched(key.stream()));
        for (FleetInstanceRecord instance : fleet.instances().values()) {
            if (instance.status() == FleetInstanceRecord.Status.REQUESTED
                    && !launched.contains(instance.instanceId())) {
                provider.launch(
                        key.stream(),
                        instance.instanceId(),
                        instance.instanceType(),
                        requestTokens.get(instance.instanceId()));
            }
        }
        for (String instanceId : launched) {
            if (!fleet.instances().containsKey(instanceId)) {
                provider.terminate(key.stream(), instanceId);
            }
        }
    }
}
