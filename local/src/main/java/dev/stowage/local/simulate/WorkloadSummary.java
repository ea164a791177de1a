package dev.stowage.local.simulate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests and arrival span per component, in component name order; components that get no request are listed. */
public record WorkloadSummary(List<ComponentLoad> components) {
    public WorkloadSummary {
        components = List.copyOf(components);
    }

    public long totalRequests() {
        return components.stream().mapToLong(ComponentLoad::requests).sum();
    }

    /** Adds requests up component by component. */
    static final class Tally {
        private final Map<String, ComponentLoad> loads = new TreeMap<>();

        /** A component the workload names, whether or not it gets requests. */
        void component(String name) {
            loads.putIfAbsent(name, new ComponentLoad(name, 0, Long.MAX_VALUE, Long.MIN_VALUE));
        }

        void add(Arrival arrival) {
            add(arrival.component(), 1, arrival.timestampMillis(), arrival.timestampMillis());
        }

        void add(String component, long requests, long firstMillis, long lastMillis) {
            component(component);
            if (requests > 0) {
                loads.computeIfPresent(component, (name, load) -> load.plus(requests, firstMillis, lastMillis));
            }
        }

        WorkloadSummary summary() {
            return new WorkloadSummary(loads.values().stream()
                    .map(load -> load.requests() == 0 ? new ComponentLoad(load.component(), 0, 0, 0) : load)
                    .toList());
        }
    }
}
