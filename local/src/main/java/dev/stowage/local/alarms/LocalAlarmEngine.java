package dev.stowage.local.alarms;

import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmEvaluation;
import dev.stowage.domain.alarms.AlarmEvaluator;
import dev.stowage.domain.alarms.AlarmListener;
import dev.stowage.domain.alarms.AlarmRange;
import dev.stowage.domain.alarms.AlarmReasons;
import dev.stowage.domain.alarms.AlarmService;
import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.alarms.AlarmStateChange;
import dev.stowage.domain.alarms.AlarmStates;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.functions.alarms.AlarmStateChangeJson;
import dev.stowage.host.time.TimeScale;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Local mode's CloudWatch alarms ({@link AlarmService}): keeps alarms by name with their state, and evaluates each
 * one with {@link AlarmEvaluator} over the metric store every time one of its periods has closed (see {@link
 * AlarmWindow}: periods are simulated seconds divided by the time scale). A new alarm starts in INSUFFICIENT_DATA;
 * replacing an alarm keeps its state, as PutMetricAlarm does. On every state change each registered {@link
 * AlarmListener} is told, on its own thread and at least once (see {@link ListenerDeliveries}), and the change is kept
 * as the EventBridge event CloudWatch would send ({@link #stateChangeEvents()}).
 *
 * <p>{@link #start()} evaluates on a timer; tests call {@link #evaluateNow()} with a controlled clock instead. Safe for
 * concurrent use.
 */
public final class LocalAlarmEngine implements AlarmService, AlarmStates, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalAlarmEngine.class.getName());
    /** The shortest period CloudWatch allows (high-resolution alarms); the timer ticks 20 times per such window. */
    private static final Duration SHORTEST_PERIOD = Duration.ofSeconds(10);
    /** How long a failing listener waits before it is called again, in simulated time. */
    private static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    private static final int KEPT_EVENTS = 1_000;

    private final Supplier<List<MetricDatum>> metrics;
    private final Clock clock;
    private final TimeScale scale;
    private final String arnPrefix;
    private final ListenerDeliveries deliveries;
    private final List<Consumer<AlarmStateChange>> stillInAlarm = new CopyOnWriteArrayList<>();
    private final Map<String, AlarmStatus> alarms = new TreeMap<>();
    private final CompositeAlarms composites;
    private final Deque<String> events = new ArrayDeque<>();
    private @Nullable ScheduledExecutorService timer;
    private @Nullable ExecutorService ownedListenerThreads;

    /**
     * An engine reading datapoints from {@code metrics}, naming alarms {@code arn:aws:cloudwatch:<region>:<account>:
     * alarm:<name>}, calling listeners on {@code listenerThreads}.
     */
    public LocalAlarmEngine(
            Supplier<List<MetricDatum>> metrics,
            Clock clock,
            TimeScale scale,
            String region,
            String account,
            Executor listenerThreads) {
        this.metrics = metrics;
        this.clock = clock;
        this.scale = scale;
        this.arnPrefix = "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:";
        this.composites = new CompositeAlarms(arnPrefix);
        this.deliveries = new ListenerDeliveries(listenerThreads, clock, scale.scale(RETRY_DELAY));
    }

    /** An engine calling each listener on a virtual thread of its own, shut down with the engine. */
    public static LocalAlarmEngine onVirtualThreads(
            Supplier<List<MetricDatum>> metrics, Clock clock, TimeScale scale, String region, String account) {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        LocalAlarmEngine engine = new LocalAlarmEngine(metrics, clock, scale, region, account, threads);
        engine.ownedListenerThreads = threads;
        return engine;
    }

    /** Starts evaluating on a timer (a twentieth of the shortest period, at least 5 ms); {@link #close()} stops it. */
    public synchronized LocalAlarmEngine start() {
        if (timer == null) {
            long tick = Math.max(5, scale.scale(SHORTEST_PERIOD).toMillis() / 20);
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("alarm-engine").factory());
            started.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
            timer = started;
        }
        return this;
    }

    /**
     * Tells {@code reevaluation} of every evaluation that leaves an alarm in {@code ALARM} (an {@link
     * AlarmStateChange} from ALARM to ALARM with the latest datapoints), on the evaluating thread: Application Auto
     * Scaling keeps acting on an alarm that stays in ALARM, which CloudWatch never reports as a change.
     */
    public void whileInAlarm(Consumer<AlarmStateChange> reevaluation) {
        stillInAlarm.add(reevaluation);
    }

    /** Tells {@code listener} of every state change from now on. */
    public void addListener(AlarmListener listener) {
        deliveries.add(listener);
    }

    @Override
    public synchronized void put(AlarmDefinition alarm) {
        Instant now = clock.instant();
        AlarmStatus current = alarms.get(alarm.alarmName());
        alarms.put(
                alarm.alarmName(),
                current != null
                        ? current.redefined(alarm, now)
                        : new AlarmStatus(
                                alarm,
                                arnPrefix + alarm.alarmName(),
                                AlarmState.INSUFFICIENT_DATA,
                                AlarmReasons.INITIAL,
                                "",
                                now,
                                now,
                                Optional.empty()));
        composites.evaluate(this::metricState, now);
    }

    @Override
    public synchronized void delete(Collection<String> alarmNames) {
        alarmNames.forEach(alarms::remove);
        composites.delete(alarmNames);
        composites.evaluate(this::metricState, clock.instant());
    }

    /**
     * Creates or replaces a composite alarm ({@code PutCompositeAlarm}) and evaluates it at once.
     *
     * @throws IllegalArgumentException when its rule names alarms that do not exist or it would depend on itself
     */
    public synchronized void putComposite(CompositeAlarm alarm) {
        composites.put(alarm, alarms::containsKey, this::metricState, clock.instant());
    }

    /** Every composite alarm whose name starts with {@code prefix}, with its state, by name. */
    public synchronized List<CompositeStatus> compositeStatuses(String prefix) {
        return composites.statuses(prefix);
    }

    private Optional<AlarmState> metricState(String alarmName) {
        return Optional.ofNullable(alarms.get(alarmName)).map(AlarmStatus::state);
    }

    @Override
    public synchronized Optional<AlarmDefinition> describe(String alarmName) {
        return status(alarmName).map(AlarmStatus::alarm);
    }

    @Override
    public synchronized List<AlarmDefinition> list(String prefix) {
        return statuses(prefix).stream().map(AlarmStatus::alarm).toList();
    }

    /** The metric and composite alarms among {@code alarmNames} that are in ALARM. */
    @Override
    public synchronized Set<String> inAlarm(Collection<String> alarmNames) {
        return alarmNames.stream()
                .filter(name -> metricState(name)
                        .or(() -> composites.status(name).map(CompositeStatus::state))
                        .filter(AlarmState.ALARM::equals)
                        .isPresent())
                .collect(Collectors.toSet());
    }

    /** The alarm with its state. */
    public synchronized Optional<AlarmStatus> status(String alarmName) {
        return Optional.ofNullable(alarms.get(alarmName));
    }

    /** Every alarm whose name starts with {@code prefix}, with its state, by name. */
    public synchronized List<AlarmStatus> statuses(String prefix) {
        return alarms.values().stream()
                .filter(s -> s.alarm().alarmName().startsWith(prefix))
                .toList();
    }

    /**
     * Evaluates every alarm with a period that closed (and is due) since its last evaluation, tells listeners of the
     * changes, and calls again listeners whose retry is due.
     */
    public void evaluateNow() {
        List<AlarmStateChange> stayed = new ArrayList<>();
        List<AlarmStateChange> changes = evaluateDue(clock.instant(), stayed);
        changes.forEach(deliveries::publish);
        deliveries.retryDue();
        for (AlarmStateChange still : stayed) {
            for (Consumer<AlarmStateChange> reevaluation : stillInAlarm) {
                try {
                    reevaluation.accept(still);
                } catch (RuntimeException e) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "re-evaluating " + still.alarm().alarmName() + " failed",
                            e);
                }
            }
        }
    }

    /** The EventBridge events of the latest state changes (at most 1,000), oldest first. */
    public synchronized List<String> stateChangeEvents() {
        return List.copyOf(events);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        if (ownedListenerThreads != null) {
            ownedListenerThreads.shutdownNow();
        }
    }

    private synchronized List<AlarmStateChange> evaluateDue(Instant now, List<AlarmStateChange> stayed) {
        List<AlarmStateChange> changes = new ArrayList<>();
        List<MetricDatum> data = null;
        for (AlarmStatus status : List.copyOf(alarms.values())) {
            AlarmWindow window = AlarmWindow.of(status.alarm().periodSeconds(), scale);
            Instant end = window.lastDueEnd(now);
            if (status.evaluatedUntil().filter(until -> !end.isAfter(until)).isPresent()) {
                continue;
            }
            data = data != null ? data : metrics.get();
            AlarmDefinition alarm = status.alarm();
            AlarmEvaluation evaluation =
                    AlarmEvaluator.evaluate(alarm, AlarmRange.of(alarm, data, window.length(), end), status.state());
            AlarmStatus next = status.evaluatedUntil(end);
            if (evaluation.state() != status.state()) {
                AlarmStateChange change = new AlarmStateChange(
                        alarm,
                        status.arn(),
                        status.state(),
                        evaluation.state(),
                        evaluation.reason(),
                        evaluation.recentDatapoints(),
                        now);
                String reasonData = AlarmStateChangeJson.reasonData(alarm, change.recentDatapoints(), now);
                keep(change, status);
                next = next.changed(evaluation.state(), evaluation.reason(), reasonData, now);
                changes.add(change);
            } else if (evaluation.state() == AlarmState.ALARM) {
                stayed.add(new AlarmStateChange(
                        alarm,
                        status.arn(),
                        AlarmState.ALARM,
                        AlarmState.ALARM,
                        evaluation.reason(),
                        evaluation.recentDatapoints(),
                        now));
            }
            alarms.put(alarm.alarmName(), next);
        }
        if (!changes.isEmpty()) {
            composites.evaluate(this::metricState, now);
        }
        return changes;
    }

    private void keep(AlarmStateChange change, AlarmStatus previous) {
        Optional<AlarmStateChangeJson.PriorState> prior = previous.reasonData().isEmpty()
                ? Optional.empty()
                : Optional.of(new AlarmStateChangeJson.PriorState(
                        previous.reason(), previous.reasonData(), previous.stateUpdated()));
        if (events.size() == KEPT_EVENTS) {
            events.removeFirst();
        }
        events.addLast(AlarmStateChangeJson.render(UUID.randomUUID().toString(), change, prior)
                .toString());
    }

    private void tick() {
        try {
            evaluateNow();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "alarm evaluation failed; the next tick tries again", e);
        }
    }
}
