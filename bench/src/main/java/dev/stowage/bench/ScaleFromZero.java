package dev.stowage.bench;

import dev.stowage.events.EventEnvelope;
import dev.stowage.events.FleetEvent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Requests failed while a component scales out from zero copies on an endpoint with no instance: two identical
 * endpoints ({@code MinInstanceCount} 0, component min 0 with target tracking), run side by side under the same
 * open-loop traffic. One scales from zero with the public recipe (its requests fail with the service's no-capacity
 * error until the {@code NoCapacityInvocationFailures} alarm fires the step policy and a copy serves); the other's
 * requests ask to wait for capacity ({@code X-Stowage-Wait-For-Capacity}), which also scales it out at once.
 */
final class ScaleFromZero {
    static final String RECIPE = "zero-recipe";
    static final String WAITING = "zero-waiting";
    private static final int TOKENS = 32;

    /** The two runs' outcomes and when each got its first copy serving, in simulated seconds from the first request. */
    record Result(
            double perMinute,
            Duration traffic,
            Outcomes recipe,
            Outcomes waiting,
            double recipeFirstCopy,
            double waitingFirstCopy,
            SimulatedTime clock) {}

    private ScaleFromZero() {}

    static Result measure(AutoscalingLab lab, double perMinute, Duration traffic, Duration timeout)
            throws InterruptedException {
        for (String name : List.of(RECIPE, WAITING)) {
            Deployments.endpoint(lab, name, 1, 0, 1);
            Deployments.llmComponentAtZero(lab, name, name, 1, timeout);
            Deployments.scalableTarget(lab, name, 0, 2);
            Deployments.targetTracking(lab, name, Deployments.INVOCATIONS_PER_COPY, perMinute * 4, 60, 300);
        }
        Deployments.scaleFromZeroRecipe(lab, RECIPE);
        for (String name : List.of(RECIPE, WAITING)) {
            Deployments.awaitNoInstances(lab, name, timeout);
        }
        SimulatedTime clock = lab.clockFromNow();
        double end = traffic.toSeconds();
        Outcomes recipe;
        Outcomes waiting;
        try (Traffic toRecipe =
                        new Traffic(lab, clock, RECIPE, RECIPE, TOKENS, Duration.ZERO, t -> t < end ? perMinute : 0);
                Traffic toWaiting = new Traffic(
                        lab, clock, WAITING, WAITING, TOKENS, Duration.ofMinutes(10), t -> t < end ? perMinute : 0)) {
            lab.sleep(traffic);
            recipe = toRecipe.outcomes();
            waiting = toWaiting.outcomes();
        }
        return new Result(
                perMinute,
                traffic,
                recipe,
                waiting,
                firstCopyServing(lab, RECIPE, clock),
                firstCopyServing(lab, WAITING, clock),
                clock);
    }

    /** When the first copy of {@code component} (named as its endpoint) reported loaded, simulated. */
    private static double firstCopyServing(AutoscalingLab lab, String component, SimulatedTime clock) {
        Set<String> copies = new HashSet<>();
        for (EventEnvelope envelope : lab.events(Deployments.fleetStream(component))) {
            if (envelope.event() instanceof FleetEvent.CopyScheduled s
                    && s.inferenceComponentName().equals(component)) {
                copies.add(s.copyId());
            } else if (envelope.event() instanceof FleetEvent.CopyLoaded l
                    && copies.contains(l.copyId())
                    && !l.at().isBefore(clock.origin())) {
                return clock.seconds(l.at());
            }
        }
        return Double.NaN;
    }
}
