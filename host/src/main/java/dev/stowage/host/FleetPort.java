package dev.stowage.host;

import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.wire.hostapi.HostKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an inference host says to and reads from the control plane about its instance. Locally it is served in
 * process; on AWS through the API. Every call is idempotent: a repeated report changes nothing, so a host may
 * retry freely after a failure.
 */
public interface FleetPort {

    /** The host is up with this capacity, and its peers reach it at {@code address}. */
    void register(String endpointName, String variantName, String instanceId, String address, Capacity capacity);

    /**
     * The instance is alive; silence for longer than the liveness timeout makes it lost. {@code loading} says how far
     * each loading copy has come, by copy id.
     */
    void heartbeat(String endpointName, String variantName, String instanceId, Map<String, String> loading);

    /** The copies assigned to the instance now: those to load, those serving and those to remove. */
    List<Assignment> assignments(String endpointName, String variantName, String instanceId);

    void copyLoaded(String endpointName, String variantName, String copyId);

    /**
     * The copy's runtime registered the adapter inference component {@code adapterName} at its specification of
     * {@code specifiedAt} (before or after the copy itself loaded).
     */
    void adapterLoaded(String endpointName, String variantName, String copyId, String adapterName, Instant specifiedAt);

    /**
     * The copy's runtime could not register the adapter inference component at its specification of {@code
     * specifiedAt}, try after try; {@code reason} is its last answer.
     */
    void adapterLoadFailed(
            String endpointName,
            String variantName,
            String copyId,
            String adapterName,
            Instant specifiedAt,
            String reason);

    /** The copy's runtime unregistered the adapter inference component {@code adapterName}. */
    void adapterUnloaded(String endpointName, String variantName, String copyId, String adapterName);

    void copyFailed(String endpointName, String variantName, String copyId, String reason, String logTail);

    void copyRemoved(String endpointName, String variantName, String copyId);

    /**
     * The deployment's host keys and front tokens (ADR 23), which the instance trusts its peers and its front by;
     * given only to an instance of the deployment.
     */
    HostKeys hostKeys(String endpointName, String variantName, String instanceId);
}
