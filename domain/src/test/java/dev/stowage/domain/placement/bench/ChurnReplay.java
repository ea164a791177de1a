package dev.stowage.domain.placement.bench;

import dev.stowage.domain.fleet.FleetSettings;
import dev.stowage.domain.placement.Decision;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import dev.stowage.domain.placement.Defragmenter;
import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.Placement;
import dev.stowage.domain.placement.PlacementPolicy;
import dev.stowage.domain.placement.Plan;
import dev.stowage.domain.placement.ScaleIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replays a churn workload through the real {@link Placement#plan} on a {@link SimulatedFleet}, as the placement
 * reactor would run it: a round every 30 s of simulated time and at every boot, load and removal, and again at
 * once after a round that decided something (its events wake the reactor), up to {@value #ROUNDS_PER_INSTANT}
 * rounds an instant. Each round builds its policy as {@code FleetPlanning.policy} does (the default fleet settings,
 * MinInstanceCount {@value #MIN}, MaxInstanceCount {@value #MAX}, the pools short while a launch failed less than 10
 * minutes ago, the ScaleInPolicy with the fleet's last change and measured load times), and, as {@code FleetRound},
 * lets the {@link Defragmenter} move one copy when the plan left a component blocked.
 */
final class ChurnReplay {
    static final Instant T0 = FromScratch.T0;
    static final Duration TICK = Duration.ofSeconds(30);
    static final int MIN = 1;
    static final int MAX = 200;
    private static final int ROUNDS_PER_INSTANT = 4;
    private static final FleetSettings SETTINGS = FleetSettings.defaults();

    /** A ScaleInPolicy as a variant gives it, or none ({@link ScaleIn#NONE}). */
    record ScaleInChoice(String name, Optional<ScaleIn> given) {
        static ScaleInChoice none() {
            return new ScaleInChoice("no ScaleInPolicy (DEFAULT)", Optional.empty());
        }

        static ScaleInChoice idleRelease() {
            return new ScaleInChoice(
                    "IDLE_RELEASE", Optional.of(ScaleIn.of(ScaleIn.Strategy.IDLE_RELEASE, 1, Duration.ofMinutes(20))));
        }

        static ScaleInChoice consolidation(int step, int cooldownMinutes) {
            return new ScaleInChoice(
                    "CONSOLIDATION step " + step + ", cool-down " + cooldownMinutes + " min",
                    Optional.of(ScaleIn.of(ScaleIn.Strategy.CONSOLIDATION, step, Duration.ofMinutes(cooldownMinutes))));
        }

        Duration cooldown() {
            return given.orElse(ScaleIn.NONE).cooldown();
        }
    }

    private ChurnReplay() {}

    static ReplayTally run(
            ChurnWorkload workload, PricedPools pools, ScaleInChoice choice, SimulatedFleet.Provider provider) {
        SimulatedFleet fleet = new SimulatedFleet(workload.loadTimes(), pools::capacity, provider);
        Instant end = T0.plus(workload.window().multipliedBy(workload.windows()));
        ReplayTally tally =
                new ReplayTally(T0.plus(workload.window().multipliedBy(workload.warmUp())), pools, choice.cooldown());
        Instant now = T0;
        Instant nextTick = T0;
        while (now.isBefore(end)) {
            fleet.advance(now);
            int w = (int)
                    (Duration.between(T0, now).toSeconds() / workload.window().toSeconds());
            Map<String, IcTarget> targets = workload.targets(w);
            for (int r = 0; r < ROUNDS_PER_INSTANT && round(fleet, targets, pools, choice, now, tally); r++) {
                // the round's own events wake the reactor again
            }
            boolean tick = !now.isBefore(nextTick);
            if (tick) {
                nextTick = nextTick.plus(TICK);
            }
            Instant tickAt = nextTick;
            Instant next = fleet.nextEvent().filter(e -> e.isBefore(tickAt)).orElse(tickAt);
            next = next.isAfter(now) ? next : now.plusSeconds(1);
            tally.observe(now, next.isAfter(end) ? end : next, fleet, targets, tick);
            now = next;
        }
        tally.finish(fleet);
        return tally;
    }

    /** One round; whether it decided anything. */
    private static boolean round(
            SimulatedFleet fleet,
            Map<String, IcTarget> targets,
            PricedPools pools,
            ScaleInChoice choice,
            Instant now,
            ReplayTally tally) {
        PlacementPolicy policy = new PlacementPolicy(
                        pools.at(now, fleet.shortages()),
                        MIN,
                        MAX,
                        SETTINGS.coolDown(),
                        SETTINGS.maxMovesPerRound(),
                        now)
                .scalingIn(scaleIn(choice, fleet));
        Plan plan = Placement.plan(fleet.view(), targets, policy);
        fleet.apply(plan, now);
        tally.planned(plan, now);
        Set<String> blocked = plan.only(Decision.Blocked.class).stream()
                .map(Decision.Blocked::inferenceComponent)
                .collect(Collectors.toSet());
        Optional<ScheduleCopy> move = Defragmenter.move(fleet.view(), targets, blocked);
        move.ifPresent(m -> {
            Plan moving = new Plan(List.of(m));
            fleet.apply(moving, now);
            tally.planned(moving, now);
        });
        return move.isPresent() || plan.decisions().stream().anyMatch(d -> !(d instanceof Decision.Blocked));
    }

    /** {@code FleetPlanning.scaleIn}: the variant's policy with the fleet's last change and measured load times. */
    private static ScaleIn scaleIn(ScaleInChoice choice, SimulatedFleet fleet) {
        if (choice.given().isEmpty()) {
            return ScaleIn.NONE;
        }
        ScaleIn p = choice.given().get();
        ScaleIn scaleIn = new ScaleIn(
                p.strategy(),
                p.maxStepSize(),
                p.cooldown(),
                Optional.empty(),
                fleet.measuredLoadTimes(),
                ScaleIn.DEFAULT_LOAD_TIME);
        return fleet.lastStep().map(scaleIn::steppedAt).orElse(scaleIn);
    }
}
