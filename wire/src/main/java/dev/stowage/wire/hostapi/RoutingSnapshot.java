package dev.stowage.wire.hostapi;

import dev.stowage.domain.fleet.FleetCopyRecord;
import dev.stowage.domain.fleet.FleetInstanceRecord;
import dev.stowage.domain.fleet.FleetState;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a router needs to know of one endpoint, read at once: the endpoint (empty when it does not exist), its
 * inference components, and per variant the runtime API addresses of the running instances and the loaded copies on
 * them.
 */
public record RoutingSnapshot(
        String account,
        Optional<EndpointRow> endpoint,
        List<InferenceComponentRow> components,
        List<VariantRoutes> variants) {

    public RoutingSnapshot {
        components = List.copyOf(components);
        variants = List.copyOf(variants);
    }

    /** The answer for an endpoint that does not exist. */
    public static RoutingSnapshot absent(String account) {
        return new RoutingSnapshot(account, Optional.empty(), List.of(), List.of());
    }

    public Optional<InferenceComponentRow> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<VariantRoutes> variant(String name) {
        return variants.stream().filter(v -> v.variantName().equals(name)).findFirst();
    }

    /** One variant's fleet as routers see it: hosts that can be reached, and the loaded copies on them. */
    public record VariantRoutes(String variantName, List<URI> hosts, List<LoadedCopy> copies) {

        public VariantRoutes {
            hosts = List.copyOf(hosts);
            copies = List.copyOf(copies);
        }

        /** The routes of a fleet: only instances with an HTTP address, only copies that are loaded on them. */
        public static VariantRoutes of(String variantName, FleetState fleet) {
            List<URI> hosts = fleet.instances().values().stream()
                    .flatMap(instance -> reachable(instance).stream())
                    .toList();
            List<LoadedCopy> copies = new ArrayList<>();
            for (FleetCopyRecord copy : fleet.copies().values()) {
                FleetInstanceRecord instance = fleet.instances().get(copy.instanceId());
                if (copy.status() == FleetCopyRecord.Status.LOADED && instance != null) {
                    reachable(instance)
                            .ifPresent(host -> copies.add(new LoadedCopy(
                                    copy.inferenceComponentName(),
                                    copy.copyId(),
                                    copy.instanceId(),
                                    host,
                                    copy.adapters().keySet().stream().sorted().toList())));
                }
            }
            return new VariantRoutes(variantName, hosts, copies);
        }

        /**
         * The loaded copies of a component; for an adapter inference component, the copies of its base that have it
         * loaded.
         */
        public List<LoadedCopy> copiesOf(String inferenceComponentName) {
            return copies.stream()
                    .filter(copy -> copy.inferenceComponentName().equals(inferenceComponentName)
                            || copy.adapters().contains(inferenceComponentName))
                    .toList();
        }

        private static Optional<URI> reachable(FleetInstanceRecord instance) {
            return instance.address()
                    .filter(at -> at.startsWith("http://") || at.startsWith("https://"))
                    .map(URI::create);
        }
    }

    /**
     * A loaded copy of a component on an instance, reached through the host at {@code host}, with the adapter inference
     * components its runtime has loaded.
     */
    public record LoadedCopy(
            String inferenceComponentName, String copyId, String instanceId, URI host, List<String> adapters) {

        public LoadedCopy {
            adapters = List.copyOf(adapters);
        }

        /** A copy with no adapters loaded. */
        public LoadedCopy(String inferenceComponentName, String copyId, String instanceId, URI host) {
            this(inferenceComponentName, copyId, instanceId, host, List.of());
        }
    }
}
