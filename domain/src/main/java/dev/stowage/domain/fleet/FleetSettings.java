package dev.stowage.domain.fleet;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Timers and bounds of placement. Local mode divides the durations by its time scale.
 *
 * @param coolDown how long an instance must have hosted nothing before it is retired
 * @param maxMovesPerRound how many consolidation moves one round may start
 * @param failuresBeforeFailed how many copy failures in a row make an inference component {@code Failed}
 * @param heartbeatTimeout silence after which a registered instance is lost
 * @param bootTimeout how long a requested instance may take to register before it is lost
 * @param timeScale how much faster than real time the fleet runs (1 on AWS): it also divides the baking periods and
 *     timeouts of rolling updates, which come from requests
 * @param zones the availability zones placement asks new instances in (none: unknown; on AWS, the host subnets'
 *     zones)
 */
public record FleetSettings(
        Duration coolDown,
        int maxMovesPerRound,
        int failuresBeforeFailed,
        Duration heartbeatTimeout,
        Duration bootTimeout,
        double timeScale,
        List<String> zones) {

    public FleetSettings {
        zones = List.copyOf(zones);
    }

    /** Settings with the zones unknown. */
    public FleetSettings(
            Duration coolDown,
            int maxMovesPerRound,
            int failuresBeforeFailed,
            Duration heartbeatTimeout,
            Duration bootTimeout,
            double timeScale) {
        this(coolDown, maxMovesPerRound, failuresBeforeFailed, heartbeatTimeout, bootTimeout, timeScale, List.of());
    }

    /** Settings at real time. */
    public FleetSettings(
            Duration coolDown,
            int maxMovesPerRound,
            int failuresBeforeFailed,
            Duration heartbeatTimeout,
            Duration bootTimeout) {
        this(coolDown, maxMovesPerRound, failuresBeforeFailed, heartbeatTimeout, bootTimeout, 1.0);
    }

    public static FleetSettings defaults() {
        return new FleetSettings(Duration.ofMinutes(10), 2, 3, Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    /** Every duration divided by {@code factor} (local mode's {@code --time-scale}). */
    public FleetSettings scaled(double factor) {
        return new FleetSettings(
                divide(coolDown, factor),
                maxMovesPerRound,
                failuresBeforeFailed,
                divide(heartbeatTimeout, factor),
                divide(bootTimeout, factor),
                timeScale * factor,
                zones);
    }

    /** These settings with {@code count} zones named as AWS names those of us-east-1: us-east-1a, us-east-1b, … */
    public FleetSettings withZones(int count) {
        if (count < 1 || count > 26) {
            throw new IllegalArgumentException("zones must be 1 to 26, not " + count);
        }
        List<String> names = count == 1
                ? List.of()
                : IntStream.range(0, count)
                        .mapToObj(n -> "us-east-1" + (char) ('a' + n))
                        .toList();
        return inZones(names);
    }

    /** These settings with new instances asked in {@code names} (none: zones unknown). */
    public FleetSettings inZones(List<String> names) {
        return new FleetSettings(
                coolDown, maxMovesPerRound, failuresBeforeFailed, heartbeatTimeout, bootTimeout, timeScale, names);
    }

    /**
     * How long placement looks to the next instance pool after a launch of a type failed for capacity before it asks
     * for that type again: ten minutes, divided by the time scale.
     */
    public Duration capacityRetryAfter() {
        return atTimeScale(Duration.ofMinutes(10));
    }

    /** A real-world duration (a service setting such as a cool-down in minutes) divided by the time scale. */
    public Duration atTimeScale(Duration realWorld) {
        return divide(realWorld, timeScale);
    }

    private static Duration divide(Duration duration, double factor) {
        return Duration.ofNanos((long) (duration.toNanos() / factor));
    }
}
