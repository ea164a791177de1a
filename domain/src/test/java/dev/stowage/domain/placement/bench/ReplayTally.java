package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.Decision.ScheduleCopy;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one replay cost and served from {@code measureFrom} on: instance-hours and dollars (an instance is paid from
 * its request until it is retired), copies moved, copies not serving (desired but not loaded: waiting for an
 * instance, loading or blocked), sampled every tick, and what the CONSOLIDATION analysis needs.
 */
final class ReplayTally {
    private static final long SERIES_EVERY_SECONDS = 600;

    private final Instant measureFrom;
    private final PricedPools pools;
    private final Duration cooldown;
    private double seconds;
    private double instanceSeconds;
    private double dollarSeconds;
    private double emptyInstanceSeconds;
    private double halfEmptySeconds;
    private double deviceSeconds;
    private double heldDeviceSeconds;
    private double pendingCopySeconds;
    private double servedCopySeconds;
    /** Device-seconds on ml.g5.48xlarge: paid, held, held by copies that fit an ml.g6.12xlarge. */
    private final double[] bigDeviceSeconds = new double[3];

    private final Map<String, Double> typeSeconds = new LinkedHashMap<>();
    private final List<Double> notServing = new ArrayList<>();
    private final List<double[]> series = new ArrayList<>();
    private int ticks;
    private int settledTicks;
    private int quietTicks;
    private int settledAndQuietTicks;
    int moves;
    int consolidationSteps;
    int launchFailures;

    ReplayTally(Instant measureFrom, PricedPools pools, Duration cooldown) {
        this.measureFrom = measureFrom;
        this.pools = pools;
        this.cooldown = cooldown;
    }

    void planned(Plan plan, Instant now) {
        if (now.isBefore(measureFrom)) {
            return;
        }
        List<ScheduleCopy> scheduled = plan.only(ScheduleCopy.class);
        moves += (int) scheduled.stream().filter(s -> s.replaces().isPresent()).count();
        consolidationSteps += scheduled.stream().anyMatch(s -> s.why().startsWith("CONSOLIDATION")) ? 1 : 0;
    }

    /** The fleet as it stands from {@code now} until {@code next}. */
    void observe(Instant now, Instant next, SimulatedFleet fleet, Map<String, IcTarget> targets, boolean tick) {
        Instant from = now.isBefore(measureFrom) ? measureFrom : now;
        double dt = next.isAfter(from) ? Duration.between(from, next).toMillis() / 1000.0 : 0;
        Map<String, Integer> serving = fleet.serving();
        int pending = 0;
        int served = 0;
        for (Map.Entry<String, IcTarget> e : targets.entrySet()) {
            int desired = e.getValue().desiredCopies();
            int loaded = serving.getOrDefault(e.getKey(), 0);
            pending += Math.max(0, desired - loaded);
            served += Math.min(desired, loaded);
        }
        double dollarsPerHour = 0;
        int instances = 0;
        for (Map.Entry<String, Integer> e : fleet.instancesByType().entrySet()) {
            dollarsPerHour += pools.price(e.getKey()) * e.getValue();
            instances += e.getValue();
            typeSeconds.merge(e.getKey(), e.getValue() * dt, Double::sum);
        }
        int[] devices = fleet.devices();
        int[] big = fleet.devicesOn(
                PricedPools.G5_BIG, pools.capacity(PricedPools.G6).allocatable());
        for (int k = 0; k < 3; k++) {
            bigDeviceSeconds[k] += big[k] * dt;
        }
        seconds += dt;
        instanceSeconds += instances * dt;
        dollarSeconds += dollarsPerHour * dt;
        emptyInstanceSeconds += fleet.empty() * dt;
        halfEmptySeconds += fleet.halfEmpty() * dt;
        deviceSeconds += devices[0] * dt;
        heldDeviceSeconds += devices[1] * dt;
        pendingCopySeconds += pending * dt;
        servedCopySeconds += served * dt;
        if (tick && !now.isBefore(measureFrom)) {
            ticks++;
            notServing.add((double) pending);
            boolean settled = fleet.settled();
            boolean quiet =
                    fleet.lastStep().map(t -> !t.plus(cooldown).isAfter(now)).orElse(true);
            settledTicks += settled ? 1 : 0;
            quietTicks += quiet ? 1 : 0;
            settledAndQuietTicks += settled && quiet ? 1 : 0;
            long since = Duration.between(measureFrom, now).toSeconds();
            if (since % SERIES_EVERY_SECONDS == 0) {
                series.add(new double[] {since / 3600.0, instances, dollarsPerHour, pending});
            }
        }
    }

    void finish(SimulatedFleet fleet) {
        launchFailures = fleet.launchFailures;
    }

    double hours() {
        return seconds / 3600;
    }

    double instanceHours() {
        return instanceSeconds / 3600;
    }

    double dollars() {
        return dollarSeconds / 3600;
    }

    double emptyInstanceHours() {
        return emptyInstanceSeconds / 3600;
    }

    /** On ml.g5.48xlarge, device-hours paid, held, and held by copies that an ml.g6.12xlarge would hold. */
    double[] bigDeviceHours() {
        return new double[] {bigDeviceSeconds[0] / 3600, bigDeviceSeconds[1] / 3600, bigDeviceSeconds[2] / 3600};
    }

    /** Instance-hours of instances with copies on half their devices or fewer. */
    double halfEmptyInstanceHours() {
        return halfEmptySeconds / 3600;
    }

    /** Devices held by copies over devices paid for, time-weighted. */
    double deviceUse() {
        return deviceSeconds == 0 ? 0 : heldDeviceSeconds / deviceSeconds;
    }

    double pendingCopyHours() {
        return pendingCopySeconds / 3600;
    }

    double servedCopyHours() {
        return servedCopySeconds / 3600;
    }

    double movesPerHour() {
        return moves / hours();
    }

    /** Percentile of copies not serving over the ticks. */
    double notServing(int percentile) {
        return PackingBenchmark.pct(
                notServing.stream().mapToDouble(Double::doubleValue).toArray(), percentile);
    }

    /** Shares of ticks the fleet was settled, quiet (cool-down passed since the last change), and both. */
    double[] settledQuietBoth() {
        return new double[] {
            (double) settledTicks / ticks, (double) quietTicks / ticks, (double) settledAndQuietTicks / ticks
        };
    }

    Map<String, Double> instanceHoursByType() {
        Map<String, Double> hours = new LinkedHashMap<>();
        typeSeconds.forEach((type, s) -> hours.put(type, s / 3600));
        return hours;
    }

    /** Every 10 minutes: hours since the start of measurement, instances, $/hour, copies not serving. */
    List<double[]> series() {
        return series;
    }
}
