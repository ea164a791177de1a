package dev.stowage.local.simulate;

/** What a workload sends one component: how many requests, from the first arrival to the last (milliseconds). */
public record ComponentLoad(String component, long requests, long firstMillis, long lastMillis) {
    ComponentLoad plus(long more, long first, long last) {
        return new ComponentLoad(component, requests + more, Math.min(firstMillis, first), Math.max(lastMillis, last));
    }
}
