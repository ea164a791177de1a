package dev.stowage.domain.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet read once for a plan: instances by id (in natural order), a working {@link Host} for each, the copies
 * on known instances, and the next free numbers for new ids.
 */
final class Ledger {
    private static final Pattern INSTANCE_NUMBER = Pattern.compile("i-(\\d{1,9})");

    final Map<String, FleetInstance> instances = new TreeMap<>(NaturalOrder.INSTANCE);
    final Map<String, Host> hosts = new TreeMap<>(NaturalOrder.INSTANCE);
    final Map<String, FleetCopy> copies = new TreeMap<>(NaturalOrder.INSTANCE);
    final List<FleetCopy> orphans = new ArrayList<>();
    /** The copies on each known instance, in copy id order. */
    private final Map<String, List<FleetCopy>> copiesOn = new HashMap<>();

    private final Map<String, Integer> nextCopyNumber = new HashMap<>();
    private int nextInstanceNumber = 1;

    private Ledger() {}

    static Ledger of(FleetView fleet) {
        Ledger ledger = new Ledger();
        ledger.nextInstanceNumber = fleet.usedInstanceNumber() + 1;
        fleet.usedCopyNumbers().forEach((ic, used) -> ledger.nextCopyNumber.put(ic, used + 1));
        for (FleetInstance instance : fleet.instances()) {
            ledger.instances.put(instance.instanceId(), instance);
            Host.Kind kind =
                    switch (instance.state()) {
                        case REQUESTED -> Host.Kind.REQUESTED;
                        case RUNNING -> Host.Kind.RUNNING;
                        case DRAINING -> Host.Kind.DRAINING;
                    };
            ledger.hosts.put(
                    instance.instanceId(),
                    new Host(
                            instance.instanceId(),
                            kind,
                            instance.instanceType(),
                            instance.zone(),
                            instance.capacity().allocatable()));
            Matcher matcher = INSTANCE_NUMBER.matcher(instance.instanceId());
            if (matcher.matches()) {
                ledger.nextInstanceNumber = Math.max(ledger.nextInstanceNumber, Integer.parseInt(matcher.group(1)) + 1);
            }
        }
        for (FleetCopy copy : fleet.copies()) {
            Host host = ledger.hosts.get(copy.instanceId());
            if (host == null) {
                ledger.orphans.add(copy);
            } else {
                host.hold(copy.inferenceComponent(), copy.resources(), copy.deviceIndices());
                ledger.copies.put(copy.copyId(), copy);
            }
            ledger.noteCopyId(copy);
        }
        return ledger;
    }

    /** The copies on instance {@code instanceId}, whatever their state, in copy id order. */
    List<FleetCopy> copiesOn(String instanceId) {
        if (copiesOn.isEmpty() && !copies.isEmpty()) {
            copies.values().forEach(c -> copiesOn.computeIfAbsent(c.instanceId(), id -> new ArrayList<>())
                    .add(c));
        }
        return copiesOn.getOrDefault(instanceId, List.of());
    }

    private void noteCopyId(FleetCopy copy) {
        String prefix = copy.inferenceComponent() + "-c";
        String id = copy.copyId();
        if (id.startsWith(prefix) && id.length() > prefix.length() && id.length() - prefix.length() <= 9) {
            String digits = id.substring(prefix.length());
            if (digits.chars().allMatch(Character::isDigit)) {
                nextCopyNumber.merge(copy.inferenceComponent(), Integer.parseInt(digits) + 1, Math::max);
            }
        }
    }

    /** A fresh copy id {@code <ic>-c<n>}, above every number seen in the fleet for that component. */
    String newCopyId(String ic) {
        int n = nextCopyNumber.getOrDefault(ic, 1);
        nextCopyNumber.put(ic, n + 1);
        return ic + "-c" + n;
    }

    /** The id of the {@code j}-th new instance (from 0) this plan may request: {@code i-<k>}. */
    String newInstanceId(int j) {
        return "i-" + (nextInstanceNumber + j);
    }

    FleetInstance.State state(String instanceId) {
        return instances.get(instanceId).state();
    }

    /** Copies of {@code ic} the fleet has on an instance (0 for an instance not in the fleet yet). */
    int countBefore(String instanceId, String ic) {
        Host host = hosts.get(instanceId);
        return host == null ? 0 : host.count(ic);
    }

    boolean isLive(String copyId) {
        FleetCopy copy = copies.get(copyId);
        return copy != null && copy.live();
    }

    /** Instances requested or running: those MinInstanceCount and MaxInstanceCount bound. */
    int active() {
        return (int) instances.values().stream()
                .filter(i -> i.state() != FleetInstance.State.DRAINING)
                .count();
    }
}
