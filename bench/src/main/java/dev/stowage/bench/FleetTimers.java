package dev.stowage.bench;

import dev.stowage.domain.fleet.FleetSettings;
import dev.stowage.host.serving.ServingSettings;
import dev.stowage.local.wiring.LocalFleetOptions;
import java.time.Duration;

/**
 * Local mode's fleet timers for an autoscaling run at a time scale, in simulated time: an instance boots in {@link
 * #BOOT} and an idle one is retired after {@link #COOL_DOWN}. Timers that only exist because the machine needs them —
 * how often hosts poll for assignments and beat, how often placement ticks, how long silence means a host is lost, how long a model may take to answer —
 * keep a floor in real time, so a high time scale does not turn them into busy loops on two cores or lose hosts to a
 * garbage-collection pause; at high scales they are coarser in simulated time than on AWS.
 */
final class FleetTimers {
    /** A GPU instance's boot, simulated (SageMaker's are minutes; local mode's default is 2 s). */
    static final Duration BOOT = Duration.ofSeconds(90);
    /** How long an instance hosts nothing before it is retired, simulated. */
    static final Duration COOL_DOWN = Duration.ofMinutes(5);

    private static final Duration POLL_FLOOR = Duration.ofMillis(50);
    private static final Duration HEARTBEAT_FLOOR = Duration.ofMillis(200);
    private static final Duration TICK_FLOOR = Duration.ofMillis(200);
    private static final Duration LOST_FLOOR = Duration.ofSeconds(5);
    /** A model's answer may take this long in real time whatever the scale (SageMaker's 60 s is 167 ms at 360). */
    private static final Duration TIMEOUT_FLOOR = Duration.ofSeconds(2);

    private FleetTimers() {}

    static LocalFleetOptions at(double timeScale) {
        FleetSettings defaults = FleetSettings.defaults();
        ServingSettings serving = ServingSettings.defaults();
        return new LocalFleetOptions(
                new FleetSettings(
                        COOL_DOWN,
                        defaults.maxMovesPerRound(),
                        defaults.failuresBeforeFailed(),
                        atLeast(defaults.heartbeatTimeout(), LOST_FLOOR, timeScale),
                        atLeast(defaults.bootTimeout(), LOST_FLOOR, timeScale)),
                BOOT,
                atLeast(Duration.ofMillis(250), POLL_FLOOR, timeScale),
                atLeast(Duration.ofSeconds(2), HEARTBEAT_FLOOR, timeScale),
                atLeast(Duration.ofSeconds(5), TICK_FLOOR, timeScale),
                timeScale,
                serving.withInvocationTimeout(atLeast(serving.invocationTimeout(), TIMEOUT_FLOOR, timeScale)));
    }

    /** {@code simulated}, or more so that it lasts at least {@code realFloor} once divided by the time scale. */
    private static Duration atLeast(Duration simulated, Duration realFloor, double timeScale) {
        Duration floor = Duration.ofNanos((long) (realFloor.toNanos() * timeScale));
        return simulated.compareTo(floor) >= 0 ? simulated : floor;
    }
}
