package dev.stowage.bench;

import dev.stowage.bench.FleetTimeline.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The announcement's example (DESIGN §10): a travel chat application with two fine-tuned variants of one LLM
 * ({@code stowage/llm-sim}, 2 of the 4 GPUs of an {@code ml.g5.12xlarge} per copy), one for European visitors busy
 * 00:01–11:59 UTC and one for American visitors busy 12:00–23:59 UTC, on one endpoint with managed instance scaling
 * ({@code MinInstanceCount} 0, {@code MaxInstanceCount} 2). Each component is registered with min 0, max 2 and target
 * tracking on {@code InvocationsPerCopy}; it scales from zero by its requests waiting for capacity ({@code
 * X-Stowage-Wait-For-Capacity}, Stowage's path, rather than the recipe's alarm). The day may be compressed: the busy
 * windows keep their share of it.
 *
 * <p>The shared endpoint's instance-hours are integrated from its fleet events over the run, and set beside what two
 * dedicated single-model endpoints would use: always on (as AWS bills an endpoint without inference components, which
 * cannot scale to zero), and — a stricter baseline measured in the same run — each keeping its instance exactly while
 * its model has a copy here.
 */
final class TravelChatExample {
    static final String ENDPOINT = "travel-chat";
    static final String EUROPE = "travel-eu";
    static final String AMERICA = "travel-us";
    private static final int TOKENS = 64;
    /**
     * One busy variant's load over its target: between the low alarm's 90 % and the high alarm's 100 %, so that neither
     * fires while it is busy and target tracking keeps one copy. (At 60 %, the low alarm stays in ALARM all day, and a
     * single period read as 0 — a pause of the machine at a high time scale — makes its once-a-minute re-run scale the
     * busy variant to zero.)
     */
    private static final double LOAD_OVER_TARGET = 0.95;

    /**
     * @param timeScale local mode's {@code --time-scale}
     * @param day the length of a simulated day (24 h, or less to compress the schedule)
     * @param days how many days run
     * @param perMinute requests per simulated minute to a variant while it is busy
     */
    record Settings(double timeScale, Duration day, int days, double perMinute) {
        static Settings standard() {
            return new Settings(360, Duration.ofHours(24), 1, 4);
        }

        /** Two days of one hour each, 20 s of real time: what {@code TravelChatExampleIT} runs. */
        static Settings compressed() {
            return new Settings(360, Duration.ofHours(1), 2, 4);
        }
    }

    /** One variant: its requests and when it had copies. */
    record Variant(String component, Outcomes requests, List<Interval> withCopies, Duration copyTime) {}

    record Result(
            Settings settings,
            SimulatedTime clock,
            Instant end,
            Duration sharedInstanceTime,
            int maxInstancesAtOnce,
            long instancesRequested,
            int instancesLost,
            Map<String, Variant> variants) {
        double sharedInstanceHours() {
            return hours(sharedInstanceTime);
        }

        /** Two dedicated endpoints, one instance each, always on. */
        double dedicatedAlwaysOnHours() {
            return 2 * settings.days() * settings.day().toSeconds() / 3600.0;
        }

        /** Two dedicated endpoints, each with its instance exactly while its model has a copy. */
        double dedicatedWhileCopiesHours() {
            return variants.values().stream()
                    .mapToDouble(v -> hours(v.copyTime()))
                    .sum();
        }

        double hours(Duration real) {
            return clock.seconds(clock.origin(), clock.origin().plus(real)) / 3600;
        }

        long failed() {
            return variants.values().stream()
                    .mapToLong(v -> v.requests().failed())
                    .sum();
        }
    }

    private TravelChatExample() {}

    static Result run(AutoscalingLab lab, Settings settings, Duration timeout) throws InterruptedException {
        Deployments.endpoint(lab, ENDPOINT, 1, 0, 2);
        double target = settings.perMinute() / LOAD_OVER_TARGET;
        for (String component : List.of(EUROPE, AMERICA)) {
            Deployments.llmComponentAtZero(lab, ENDPOINT, component, 2, timeout);
            Deployments.scalableTarget(lab, component, 0, 2);
            Deployments.targetTracking(lab, component, Deployments.INVOCATIONS_PER_COPY, target, 60, 300);
        }
        Deployments.awaitNoInstances(lab, ENDPOINT, timeout);

        SimulatedTime clock = lab.clockFromNow();
        double day = settings.day().toSeconds();
        Duration run = settings.day().multipliedBy(settings.days());
        Outcomes europe;
        Outcomes america;
        try (Traffic eu = traffic(lab, clock, EUROPE, busy(day, 1, 719, settings.perMinute()));
                Traffic us = traffic(lab, clock, AMERICA, busy(day, 720, 1439, settings.perMinute()))) {
            lab.sleep(run);
            europe = eu.outcomes();
            america = us.outcomes();
        }
        Instant end = clock.at(run.toSeconds());
        FleetTimeline fleet = FleetTimeline.of(lab.events(Deployments.fleetStream(ENDPOINT)), end);
        return new Result(
                settings,
                clock,
                end,
                fleet.instanceTime(clock.origin(), end),
                fleet.maxInstancesAtOnce(clock.origin(), end),
                fleet.instancesRequested(clock.origin(), end),
                fleet.instancesLost(),
                Map.of(
                        EUROPE, variant(fleet, EUROPE, europe, clock, end),
                        AMERICA, variant(fleet, AMERICA, america, clock, end)));
    }

    private static Variant variant(
            FleetTimeline fleet, String component, Outcomes requests, SimulatedTime clock, Instant end) {
        return new Variant(
                component,
                requests,
                fleet.intervalsWithCopies(component, clock.origin(), end),
                fleet.timeWithCopies(component, clock.origin(), end));
    }

    private static Traffic traffic(
            AutoscalingLab lab, SimulatedTime clock, String component, DoubleUnaryOperator rate) {
        return new Traffic(lab, clock, ENDPOINT, component, TOKENS, Duration.ofMinutes(15), rate);
    }

    /** {@code perMinute} from minute {@code from} to minute {@code to} (of 1,440) of every day of {@code day} seconds. */
    static DoubleUnaryOperator busy(double day, int from, int to, double perMinute) {
        return t -> {
            double minuteOfDay = (t % day) / day * 1440;
            return minuteOfDay >= from && minuteOfDay < to ? perMinute : 0;
        };
    }
}
