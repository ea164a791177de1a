package dev.stowage.domain.placement;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How a variant gives instances back: its {@code ManagedInstanceScaling.ScaleInPolicy}.
 *
 * @param strategy {@link Strategy#DEFAULT} without a ScaleInPolicy
 * @param maxStepSize instances one CONSOLIDATION step may empty ({@code MaximumStepSize})
 * @param cooldown time between CONSOLIDATION steps ({@code CooldownInMinutes}, divided by the time scale); also the
 *     window over which a step's saving is counted
 * @param lastStep when copies of the last CONSOLIDATION step were last scheduled or loaded, if any remain
 * @param loadTimes the measured time a copy of each component took from scheduled to loaded
 * @param defaultLoadTime the load time assumed for a component never measured
 */
public record ScaleIn(
        Strategy strategy,
        int maxStepSize,
        Duration cooldown,
        Optional<Instant> lastStep,
        Map<String, Duration> loadTimes,
        Duration defaultLoadTime) {

    /** How the reason of every move of a CONSOLIDATION step begins, by which the fleet finds the last step. */
    public static final String STEP = "CONSOLIDATION step";

    /** The load time assumed for a component whose load was never measured. */
    public static final Duration DEFAULT_LOAD_TIME = Duration.ofMinutes(5);

    /** No ScaleInPolicy: today's behaviour (idle release, and opportunistic consolidation when settled). */
    public static final ScaleIn NONE =
            new ScaleIn(Strategy.DEFAULT, 1, Duration.ofMinutes(20), Optional.empty(), Map.of(), DEFAULT_LOAD_TIME);

    public enum Strategy {
        /** No ScaleInPolicy: empty instances released after the cool-down, plus one lightly used one emptied. */
        DEFAULT,
        /** Only empty instances are released after the cool-down; copies never move to free one. */
        IDLE_RELEASE,
        /** Copies move off lightly used instances, step by step, so whole instances can be released. */
        CONSOLIDATION
    }

    public ScaleIn {
        loadTimes = Map.copyOf(loadTimes);
        if (maxStepSize < 1 || cooldown.isNegative() || defaultLoadTime.isNegative()) {
            throw new IllegalArgumentException(
                    "invalid scale-in policy: step " + maxStepSize + ", cool-down " + cooldown);
        }
    }

    /** A policy of {@code strategy} as the service gives it, never measured, never changed. */
    public static ScaleIn of(Strategy strategy, int maxStepSize, Duration cooldown) {
        return new ScaleIn(strategy, maxStepSize, cooldown, Optional.empty(), Map.of(), DEFAULT_LOAD_TIME);
    }

    /** This policy with the last step made at {@code at}. */
    public ScaleIn steppedAt(Instant at) {
        return new ScaleIn(strategy, maxStepSize, cooldown, Optional.of(at), loadTimes, defaultLoadTime);
    }

    /** This policy with measured load times. */
    public ScaleIn measured(Map<String, Duration> times) {
        return new ScaleIn(strategy, maxStepSize, cooldown, lastStep, times, defaultLoadTime);
    }

    /** The load time of a copy of {@code ic}: measured, else the default. */
    Duration loadTime(String ic) {
        return loadTimes.getOrDefault(ic, defaultLoadTime);
    }

    /** Whether the cool-down since the last step has passed at {@code now}. */
    boolean quiet(Instant now) {
        return lastStep.map(t -> !t.plus(cooldown).isAfter(now)).orElse(true);
    }
}
