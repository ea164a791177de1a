package dev.stowage.domain.placement;

import java.util.Map;
import java.util.TreeMap;

/** Says why placement asks for new instances, and, with several pools, why of that type. */
final class RequestReason {
    private RequestReason() {}

    static String of(int left, Packing packing, int fresh, InstancePool pool, Ledger ledger, PlacementPolicy policy) {
        Map<String, Integer> waiting = new TreeMap<>(NaturalOrder.INSTANCE);
        for (int i = 0; i < packing.items.size(); i++) {
            Host host = packing.hostOf(i);
            if (host != null && host.kind == Host.Kind.NEW) {
                waiting.merge(packing.items.get(i).ic(), 1, Integer::sum);
            }
        }
        int copies = waiting.values().stream().mapToInt(Integer::intValue).sum();
        return copies + (copies == 1 ? " copy" : " copies") + " ("
                + waiting.toString().replaceAll("[{}]", "")
                + ") fit no running or requested instance; they need " + fresh + " more of " + policy.maxInstances()
                + " allowed (" + ledger.active() + " running or requested)"
                + (left > 0 ? "; " + left + " more copies stay pending" : "")
                + which(pool, policy);
    }

    /** With several pools: the pool chosen and those passed over, and why. */
    static String which(InstancePool pool, PlacementPolicy policy) {
        if (policy.pools().size() < 2) {
            return "";
        }
        StringBuilder text = new StringBuilder("; from pool " + pool.instanceType() + " (priority "
                + (policy.pools().indexOf(pool) + 1) + " of " + policy.pools().size() + ")");
        for (InstancePool passed : policy.pools().subList(0, policy.pools().indexOf(pool))) {
            text.append(passed.shortage()
                    .map(why -> ", not " + passed.instanceType() + ": " + why)
                    .orElse(", not " + passed.instanceType() + ": a copy does not fit one"));
        }
        return text.toString();
    }
}
