package dev.stowage.bench;

import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.FleetEvent;
import dev.stowage.events.InferenceComponentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Time from a load step to the new copy serving, in four phases read from what the system recorded: detect (the step →
 * the target-tracking high alarm in ALARM, from the local alarm engine), decide (→ the desired copy count set by
 * autoscaling, the component's {@code DesiredCopyCountSet}), place (→ the new copy's {@code CopyScheduled} on an
 * instance) and load (→ its {@code CopyLoaded}: it serves). One component with one copy on a running {@code
 * ml.g5.12xlarge}, target tracking with min 1 and max 4, a steady load at half the target until the high alarm is OK,
 * then a step to 2.5 × the target, so that the policy asks for 3 copies.
 */
final class ScaleOutTiming {
    /** The metric a run tracks, and how its load is made. */
    enum Metric {
        /** {@code InvocationsPerCopy}, Sum over 60 s: open-loop requests per simulated minute. */
        INVOCATIONS_PER_COPY(Deployments.INVOCATIONS_PER_COPY, 60, "step-ipc"),
        /** {@code ConcurrentRequestsPerCopy}, Maximum over 10 s: closed-loop clients, each one request in flight. */
        CONCURRENT_REQUESTS_PER_COPY(Deployments.CONCURRENT_REQUESTS_PER_COPY_HIGH_RESOLUTION, 10, "step-crc");

        final String predefined;
        final int periodSeconds;
        final String name;

        Metric(String predefined, int periodSeconds, String name) {
            this.predefined = predefined;
            this.periodSeconds = periodSeconds;
            this.name = name;
        }
    }

    /** When each phase ended (real instants) and the desired count autoscaling set. */
    record Phases(
            Metric metric,
            double target,
            double before,
            double after,
            SimulatedTime clock,
            Instant step,
            Instant alarm,
            Instant desired,
            int desiredCount,
            Instant scheduled,
            Instant loaded) {
        double detect() {
            return clock.seconds(step, alarm);
        }

        double decide() {
            return clock.seconds(alarm, desired);
        }

        double place() {
            return clock.seconds(desired, scheduled);
        }

        double load() {
            return clock.seconds(scheduled, loaded);
        }

        double total() {
            return clock.seconds(step, loaded);
        }

        /** Where in its alarm period the step fell, in simulated seconds from the period's start. */
        double stepIntoPeriod() {
            double periodReal = metric.periodSeconds / clock.scale();
            double epochSeconds = step.getEpochSecond() + step.getNano() / 1e9;
            return (epochSeconds % periodReal) * clock.scale();
        }
    }

    private static final double TOKENS_INVOCATIONS = 16;
    private static final int TOKENS_CONCURRENT = 200;
    private static final double CONCURRENCY_TARGET = 4;

    private ScaleOutTiming() {}

    static Phases measure(AutoscalingLab lab, Metric metric, Duration timeout) throws InterruptedException {
        String component = metric.name;
        Deployments.endpoint(lab, component, 1, 1, 1);
        Deployments.llmComponent(lab, component, component, 1, 1);
        Deployments.awaitCopies(lab, List.of(component), 1, timeout);
        Deployments.scalableTarget(lab, component, 1, 4);
        double target = metric == Metric.INVOCATIONS_PER_COPY
                ? Math.max(4, Math.round(600 / lab.timeScale()))
                : CONCURRENCY_TARGET;
        Deployments.targetTracking(lab, component, metric.predefined, target, 60, 300);
        SimulatedTime clock = lab.clockFromNow();
        String highPrefix = Deployments.trackingAlarmPrefix(component, "AlarmHigh");
        double before = target / 2;
        double after = target * 2.5;
        Instant step;
        if (metric == Metric.INVOCATIONS_PER_COPY) {
            AtomicReference<Double> perMinute = new AtomicReference<>(before);
            try (Traffic traffic = new Traffic(
                    lab, clock, component, component, (int) TOKENS_INVOCATIONS, Duration.ZERO, t -> perMinute.get())) {
                awaitHighAlarmOk(lab, highPrefix, timeout);
                step = Instant.now();
                perMinute.set(after);
                awaitCopiesAtLeast(lab, component, 2, timeout);
            }
        } else {
            try (ClosedLoop clients = new ClosedLoop(lab, component, component, TOKENS_CONCURRENT, (int) before)) {
                awaitHighAlarmOk(lab, highPrefix, timeout);
                step = Instant.now();
                clients.grow((int) after);
                awaitCopiesAtLeast(lab, component, 2, timeout);
            }
        }
        return phases(lab, metric, target, before, after, clock, step, highPrefix);
    }

    private static Phases phases(
            AutoscalingLab lab,
            Metric metric,
            double target,
            double before,
            double after,
            SimulatedTime clock,
            Instant step,
            String highPrefix) {
        String component = metric.name;
        Instant alarm = lab.alarms()
                .firstAlarm(highPrefix, step)
                .orElseThrow(() -> new IllegalStateException("no high alarm of " + component + " after the step"));
        InferenceComponentEvent.DesiredCopyCountSet desired =
                lab.events(StreamIds.inferenceComponent(component)).stream()
                        .map(EventEnvelope::event)
                        .filter(e -> e instanceof InferenceComponentEvent.DesiredCopyCountSet set
                                && set.cause() == CopyCountCause.AUTOSCALING
                                && !set.at().isBefore(step))
                        .map(InferenceComponentEvent.DesiredCopyCountSet.class::cast)
                        .findFirst()
                        .orElseThrow(
                                () -> new IllegalStateException("autoscaling never set " + component + "'s count"));
        List<FleetEvent> fleet = lab.events(Deployments.fleetStream(component)).stream()
                .map(EventEnvelope::event)
                .filter(FleetEvent.class::isInstance)
                .map(FleetEvent.class::cast)
                .toList();
        FleetEvent.CopyScheduled scheduled = fleet.stream()
                .filter(e -> e instanceof FleetEvent.CopyScheduled s
                        && s.inferenceComponentName().equals(component)
                        && !s.at().isBefore(step))
                .map(FleetEvent.CopyScheduled.class::cast)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("no copy of " + component + " scheduled after its count was"
                                + " set to " + desired.copyCount() + " at " + desired.at() + "; the step was at " + step
                                + "; fleet: " + fleet));
        Instant loaded = fleet.stream()
                .filter(e -> e instanceof FleetEvent.CopyLoaded l && l.copyId().equals(scheduled.copyId()))
                .map(e -> ((FleetEvent.CopyLoaded) e).at())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(scheduled.copyId() + " never loaded"));
        return new Phases(
                metric,
                target,
                before,
                after,
                clock,
                step,
                alarm,
                desired.at(),
                desired.copyCount(),
                // The placement reactor can stamp its plan a few ms before the count's own timestamp (each takes
                // its time before appending): the copy is scheduled no earlier than the count that asked for it.
                scheduled.at().isBefore(desired.at()) ? desired.at() : scheduled.at(),
                loaded);
    }

    private static void awaitHighAlarmOk(AutoscalingLab lab, String prefix, Duration timeout)
            throws InterruptedException {
        Deployments.await(timeout, prefix + "* OK", () -> {
            Optional<AlarmState> state = lab.application().alarms().statuses(prefix).stream()
                    .map(s -> s.state())
                    .findFirst();
            return state.isPresent() && state.get() == AlarmState.OK;
        });
    }

    private static void awaitCopiesAtLeast(AutoscalingLab lab, String component, int copies, Duration timeout)
            throws InterruptedException {
        Deployments.await(
                timeout,
                component + " with " + copies + " copies",
                () -> lab.sageMaker()
                                .describeInferenceComponent(b -> b.inferenceComponentName(component))
                                .runtimeConfig()
                                .currentCopyCount()
                        >= copies);
    }
}
