package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The baseline: every copy, largest first (by its largest share of an instance, then the sum of its shares,
 * then name), goes on the first open instance where it fits; else a new instance opens. No spreading.
 */
public final class FirstFitDecreasing {
    private FirstFitDecreasing() {}

    private record Copy(String ic, Resources demand) {}

    public static int instances(Map<String, IcTarget> targets, Resources cap) {
        List<Copy> copies = new ArrayList<>();
        targets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(FirstFitDecreasing::natural))
                .forEach(e -> {
                    for (int i = 0; i < e.getValue().desiredCopies(); i++) {
                        copies.add(new Copy(
                                e.getKey(), e.getValue().demand().uniform().orElseThrow()));
                    }
                });
        copies.sort(Comparator.<Copy>comparingDouble(c -> -max(c.demand(), cap))
                .thenComparingDouble(c -> -sum(c.demand(), cap))
                .thenComparing(Copy::ic, FirstFitDecreasing::natural));
        List<long[]> open = new ArrayList<>();
        for (Copy copy : copies) {
            Resources d = copy.demand();
            long[] chosen = null;
            for (long[] free : open) {
                if (d.milliCores() <= free[0] && d.devices() <= free[1] && d.memoryMib() <= free[2]) {
                    chosen = free;
                    break;
                }
            }
            if (chosen == null) {
                chosen = new long[] {cap.milliCores(), cap.devices(), cap.memoryMib()};
                open.add(chosen);
            }
            chosen[0] -= d.milliCores();
            chosen[1] -= d.devices();
            chosen[2] -= d.memoryMib();
        }
        return open.size();
    }

    private static double max(Resources d, Resources cap) {
        return Math.max(
                Math.max(share(d.devices(), cap.devices()), share(d.memoryMib(), cap.memoryMib())),
                share(d.milliCores(), cap.milliCores()));
    }

    private static double sum(Resources d, Resources cap) {
        return share(d.devices(), cap.devices())
                + share(d.memoryMib(), cap.memoryMib())
                + share(d.milliCores(), cap.milliCores());
    }

    private static double share(long amount, long total) {
        return amount == 0 ? 0 : total == 0 ? Double.MAX_VALUE : (double) amount / total;
    }

    /** {@code ic-2} before {@code ic-10}, as placement orders names. */
    private static int natural(String a, String b) {
        String na = a.replaceAll("\\d+", "");
        String nb = b.replaceAll("\\d+", "");
        if (!na.equals(nb) || !a.matches(".*\\d+") || !b.matches(".*\\d+")) {
            return a.compareTo(b);
        }
        return Long.compare(Long.parseLong(a.replaceAll("\\D", "")), Long.parseLong(b.replaceAll("\\D", "")));
    }
}
