package dev.stowage.domain.placement;

import java.util.List;

/**
 * How one copy picks its instance among those where it fits. The spreading strategies first prefer an
 * instance without a copy of the same inference component (availability), then pack (cost).
 */
enum Strategy {
    /** Best fit by least leftover of the scarcest resource: devices, then memory, then cores. */
    BEST_FIT_SCARCE("best fit") {
        @Override
        int choose(Item item, List<Host> hosts) {
            int best = -1;
            Host emptySeen = null;
            for (int i = 0; i < hosts.size(); i++) {
                Host host = hosts.get(i);
                if (host.copies() == 0) {
                    if (host.equivalentEmpty(emptySeen)) {
                        continue;
                    }
                    emptySeen = host;
                }
                if (host.fits(item) && (best < 0 || scarceBetter(item, host, hosts.get(best)))) {
                    best = i;
                }
            }
            return best;
        }
    },
    /** Best fit by least leftover summed over resources, each as a share of the instance. */
    BEST_FIT_BALANCED("best fit") {
        @Override
        int choose(Item item, List<Host> hosts) {
            int best = -1;
            double bestScore = 0;
            int bestSpread = 0;
            Host emptySeen = null;
            for (int i = 0; i < hosts.size(); i++) {
                Host host = hosts.get(i);
                if (host.copies() == 0) {
                    if (host.equivalentEmpty(emptySeen)) {
                        continue;
                    }
                    emptySeen = host;
                }
                if (!host.fits(item)) {
                    continue;
                }
                int spread = host.count(item.ic()) > 0 ? 1 : 0;
                double score = leftoverShare(item.on(host).orElseThrow(), host);
                if (best < 0 || spread < bestSpread || (spread == bestSpread && score < bestScore)) {
                    best = i;
                    bestScore = score;
                    bestSpread = spread;
                }
            }
            return best;
        }
    },
    /** The first instance without a copy of the same component where it fits, else the first where it fits. */
    FIRST_FIT_SPREAD("first fit") {
        @Override
        int choose(Item item, List<Host> hosts) {
            int fallback = -1;
            for (int i = 0; i < hosts.size(); i++) {
                Host host = hosts.get(i);
                if (host.fits(item)) {
                    if (host.count(item.ic()) == 0) {
                        return i;
                    }
                    if (fallback < 0) {
                        fallback = i;
                    }
                }
            }
            return fallback;
        }
    },
    /** Plain first fit, no spreading: packs exactly as first-fit-decreasing; the last resort for cost. */
    FIRST_FIT("first fit") {
        @Override
        int choose(Item item, List<Host> hosts) {
            for (int i = 0; i < hosts.size(); i++) {
                if (hosts.get(i).fits(item)) {
                    return i;
                }
            }
            return -1;
        }
    };

    final String label;

    Strategy(String label) {
        this.label = label;
    }

    /**
     * The index of the chosen host, or -1 when the item fits nowhere. Ties go to the lowest index, so of several
     * empty hosts of one type and capacity only the first need be looked at.
     */
    abstract int choose(Item item, List<Host> hosts);

    private static boolean scarceBetter(Item item, Host candidate, Host best) {
        int spreadCandidate = candidate.count(item.ic()) > 0 ? 1 : 0;
        int spreadBest = best.count(item.ic()) > 0 ? 1 : 0;
        if (spreadCandidate != spreadBest) {
            return spreadCandidate < spreadBest;
        }
        if (candidate.freeDevices() != best.freeDevices()) {
            return candidate.freeDevices() < best.freeDevices();
        }
        if (candidate.freeMemory() != best.freeMemory()) {
            return candidate.freeMemory() < best.freeMemory();
        }
        return candidate.freeMilli() < best.freeMilli();
    }

    private static double leftoverShare(Resources demand, Host host) {
        Resources cap = host.capacity;
        return share(host.freeDevices() - demand.devices(), cap.devices())
                + share(host.freeMemory() - demand.memoryMib(), cap.memoryMib())
                + share(host.freeMilli() - demand.milliCores(), cap.milliCores());
    }

    private static double share(long left, long total) {
        return total == 0 ? 0 : (double) left / total;
    }
}
