package dev.stowage.domain.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One packing trial: the items in order, each on the host its strategy picks, on copies of the hosts. */
final class Packing {
    final Strategy strategy;
    final boolean honoured;
    final List<Item> items;
    final List<Host> hosts;
    private final int[] hostOf;
    private final List<List<Integer>> devices;
    private final String[] notes;
    private final int placed;

    private Packing(
            Strategy strategy,
            boolean honoured,
            List<Item> items,
            List<Host> hosts,
            int[] hostOf,
            List<List<Integer>> devices,
            String[] notes) {
        this.strategy = strategy;
        this.honoured = honoured;
        this.notes = notes;
        this.items = items;
        this.hosts = hosts;
        this.hostOf = hostOf;
        this.devices = devices;
        this.placed = (int) Arrays.stream(hostOf).filter(h -> h >= 0).count();
    }

    /**
     * Packs {@code items} in order; with {@code stopAtMiss}, gives up at the first item that fits nowhere. {@code
     * honoured}: whether the components' placement preferences rank the hosts, or {@code strategy} does (their zone
     * balances hold either way).
     */
    static Packing run(Strategy strategy, List<Item> items, List<Host> start, boolean stopAtMiss, boolean honoured) {
        List<Host> hosts = new ArrayList<>(start.size());
        for (Host host : start) {
            hosts.add(host.copy());
        }
        int[] hostOf = new int[items.size()];
        Arrays.fill(hostOf, -1);
        List<List<Integer>> devices = new ArrayList<>(items.size());
        String[] notes = new String[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            ScheduledChoice.Choice choice = ScheduledChoice.choose(strategy, item, hosts, honoured);
            int chosen = choice.host();
            notes[i] = choice.note();
            if (chosen < 0) {
                devices.add(List.of());
                if (stopAtMiss) {
                    break;
                }
                continue;
            }
            hostOf[i] = chosen;
            devices.add(hosts.get(chosen).take(item));
        }
        return new Packing(strategy, honoured, items, hosts, hostOf, devices, notes);
    }

    /** How many new hosts plain first fit opens when it may open them as needed. */
    static int firstFitNewHosts(List<Item> items, List<Host> start, InstancePool pool) {
        List<Host> hosts = new ArrayList<>(start.size());
        for (Host host : start) {
            hosts.add(host.copy());
        }
        int opened = 0;
        for (Item item : items) {
            int chosen = Strategy.FIRST_FIT.choose(item, hosts);
            if (chosen < 0) {
                hosts.add(new Host(
                        "new-" + opened,
                        Host.Kind.NEW,
                        pool.instanceType(),
                        pool.capacity().allocatable()));
                opened++;
                chosen = hosts.size() - 1;
            }
            hosts.get(chosen).take(item);
        }
        return opened;
    }

    boolean complete() {
        return placed == items.size();
    }

    int placed() {
        return placed;
    }

    /** The host of item {@code i}, or null when it was not placed. */
    Host hostOf(int i) {
        return hostOf[i] < 0 ? null : hosts.get(hostOf[i]);
    }

    /** What item {@code i} takes on its host's type; the item was placed. */
    Resources resourcesOf(int i) {
        return items.get(i).on(hostOf(i)).orElseThrow();
    }

    List<Integer> devicesOf(int i) {
        return devices.get(i);
    }

    /** How item {@code i} was placed: its component's preference when honoured, else the strategy. */
    String labelOf(int i) {
        Scheduling.Preference preference = items.get(i).scheduling().preference();
        return honoured && preference != Scheduling.Preference.NONE
                ? preference + " ("
                        + (preference == Scheduling.Preference.SPREAD
                                ? "fewest copies of " + items.get(i).ic()
                                : "fullest instance that fits")
                        + ")"
                : strategy.label;
    }

    /** What the reason for item {@code i} should add (a zone balance broken), or "". */
    String noteOf(int i) {
        return notes[i] == null ? "" : notes[i];
    }

    /** Whether any item's component has a placement preference, so that a trial not honouring it differs. */
    static boolean anyPreference(List<Item> items) {
        return items.stream().anyMatch(item -> item.scheduling().preference() != Scheduling.Preference.NONE);
    }
}
