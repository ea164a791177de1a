package dev.stowage.local.wiring;

import dev.stowage.domain.fleet.FleetSettings;
import dev.stowage.host.serving.ServingSettings;
import dev.stowage.local.fleet.CapacityLimits;
import java.time.Duration;

/**
 * How local mode's fleet behaves: placement's timers, how long a simulated instance takes to boot, how often
 * hosts poll and placement ticks, and the time scale that divides every one of them (so scaling scenarios run
 * in seconds). System properties {@code stowage.timeScale}, {@code stowage.bootDelayMs} and {@code
 * stowage.capacity} override the defaults; {@code capacity} caps how many instances of a type run at once. With {@code hostsThroughApi} the hosts talk to the control plane as on AWS, over HTTP through the local
 * API's {@code POST /host} with signed requests, instead of in process.
 */
public record LocalFleetOptions(
        FleetSettings settings,
        Duration bootDelay,
        Duration hostPoll,
        Duration heartbeat,
        Duration tick,
        double timeScale,
        ServingSettings serving,
        boolean hostsThroughApi,
        CapacityLimits capacity) {

    /** Options with the hosts in process and no instance type scarce. */
    public LocalFleetOptions(
            FleetSettings settings,
            Duration bootDelay,
            Duration hostPoll,
            Duration heartbeat,
            Duration tick,
            double timeScale,
            ServingSettings serving) {
        this(settings, bootDelay, hostPoll, heartbeat, tick, timeScale, serving, false, CapacityLimits.NONE);
    }

    public static LocalFleetOptions defaults() {
        return new LocalFleetOptions(
                FleetSettings.defaults(),
                Duration.ofSeconds(2),
                Duration.ofMillis(250),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                1.0,
                ServingSettings.defaults());
    }

    /**
     * Timers for tests and benchmarks: boot 100 ms, hosts poll every 50 ms and heartbeat every 200 ms,
     * placement ticks every 200 ms, a host silent for 2 s is lost, an empty instance is retired after 1 s.
     */
    public static LocalFleetOptions quick() {
        return new LocalFleetOptions(
                new FleetSettings(Duration.ofSeconds(1), 2, 3, Duration.ofSeconds(2), Duration.ofSeconds(20)),
                Duration.ofMillis(100),
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                Duration.ofMillis(200),
                1.0,
                ServingSettings.defaults());
    }

    /** The system property {@code up --capacity} passes its limits in. */
    public static final String CAPACITY = "stowage.capacity";

    /** The system property {@code up --zones} passes its zone count in. */
    public static final String ZONES = "stowage.zones";

    public static LocalFleetOptions fromSystemProperties() {
        LocalFleetOptions options = defaults();
        String scale = System.getProperty("stowage.timeScale");
        String boot = System.getProperty("stowage.bootDelayMs");
        if (boot != null) {
            options = options.withBootDelay(Duration.ofMillis(Long.parseLong(boot)));
        }
        String capacity = System.getProperty(CAPACITY);
        if (capacity != null) {
            options = options.withCapacity(CapacityLimits.parse(capacity));
        }
        String zones = System.getProperty(ZONES);
        if (zones != null) {
            options = options.withSettings(options.settings().withZones(Integer.parseInt(zones)));
        }
        return scale == null ? options : options.withTimeScale(Double.parseDouble(scale));
    }

    public LocalFleetOptions withTimeScale(double factor) {
        return new LocalFleetOptions(
                settings, bootDelay, hostPoll, heartbeat, tick, factor, serving, hostsThroughApi, capacity);
    }

    public LocalFleetOptions withBootDelay(Duration delay) {
        return new LocalFleetOptions(
                settings, delay, hostPoll, heartbeat, tick, timeScale, serving, hostsThroughApi, capacity);
    }

    public LocalFleetOptions withSettings(FleetSettings next) {
        return new LocalFleetOptions(
                next, bootDelay, hostPoll, heartbeat, tick, timeScale, serving, hostsThroughApi, capacity);
    }

    public LocalFleetOptions withServing(ServingSettings next) {
        return new LocalFleetOptions(
                settings, bootDelay, hostPoll, heartbeat, tick, timeScale, next, hostsThroughApi, capacity);
    }

    /** These options with the hosts calling the local API over HTTP, as hosts on AWS do. */
    public LocalFleetOptions withHostsThroughApi() {
        return new LocalFleetOptions(
                settings, bootDelay, hostPoll, heartbeat, tick, timeScale, serving, true, capacity);
    }

    /** These options with at most so many instances of a type at once; a launch beyond fails for capacity. */
    public LocalFleetOptions withCapacity(CapacityLimits limits) {
        return new LocalFleetOptions(
                settings, bootDelay, hostPoll, heartbeat, tick, timeScale, serving, hostsThroughApi, limits);
    }

    /** Placement's settings at this time scale. */
    public FleetSettings scaledSettings() {
        return settings.scaled(timeScale);
    }

    public Duration scaled(Duration duration) {
        return Duration.ofNanos((long) (duration.toNanos() / timeScale));
    }
}
