package dev.stowage.host.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * The continuous batch of one simulated model server: a scheduler thread decodes every active {@link Sequence} in
 * lock-step, one token each per step of {@link StepTime}, and hands each sequence its token. A sequence submitted
 * while {@code maxBatch} are active waits, first come first served, and joins at the next step boundary after one
 * ends; a step in which sequences join also pays their prefill ({@code prefillPerToken} × the prompt tokens the
 * copy's {@link PrefixCache} does not hold), which delays everyone in the batch, as chunked prefill does.
 *
 * <p>Steps keep to a schedule of deadlines rather than sleeping a step after the previous one ends, so that sleep
 * overshoot does not add up over a long generation (with steps of a millisecond or two, a sleep often overshoots by a
 * step); a scheduler that fell further behind than a step and {@link #MAX_LAG} (a pause) starts afresh rather than
 * rushing through the steps it missed.
 * With nothing to decode the scheduler waits on a condition: an idle copy uses no CPU. A cancelled sequence (its
 * client went away) leaves the batch at the next step. {@link #close} ends every sequence and the scheduler.
 * Thread-safe.
 */
final class DecodeBatch implements AutoCloseable {
    /** How far behind its schedule the scheduler may fall and still catch up, in real time. */
    static final Duration MAX_LAG = Duration.ofMillis(20);

    private final StepTime stepTime;
    private final int maxBatch;
    private final Duration prefillPerToken;
    private final PrefixCache prefixCache;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private final List<Sequence> active = new ArrayList<>();
    private final Thread scheduler;
    private boolean closed;

    DecodeBatch(StepTime stepTime, int maxBatch, Duration prefillPerToken) {
        this(stepTime, maxBatch, prefillPerToken, new PrefixCache(512, 0));
    }

    DecodeBatch(StepTime stepTime, int maxBatch, Duration prefillPerToken, PrefixCache prefixCache) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("A batch holds at least one sequence, not " + maxBatch + ".");
        }
        this.stepTime = stepTime;
        this.maxBatch = maxBatch;
        this.prefillPerToken = prefillPerToken;
        this.prefixCache = prefixCache;
        this.scheduler = Thread.ofVirtual().name("llm-sim-decode").start(this::run);
    }

    /** Queues a generation of {@code tokens} (at least 1) tokens after a prompt of {@code promptTokens}. */
    Sequence submit(int tokens, int promptTokens) {
        return submit(new Sequence(tokens, promptTokens));
    }

    /** Queues a generation; its prompt's prefix blocks decide what its prefill skips. */
    Sequence submit(Sequence sequence) {
        lock.lock();
        try {
            if (closed) {
                sequence.end();
            } else {
                waiting.add(sequence);
                work.signal();
            }
        } finally {
            lock.unlock();
        }
        return sequence;
    }

    /** Sequences being decoded now. */
    int active() {
        return locked(active::size);
    }

    /** Sequences waiting for a place in the batch. */
    int waiting() {
        return locked(waiting::size);
    }

    PrefixCache prefixCache() {
        return prefixCache;
    }

    /** What the scheduler thread is doing: {@code WAITING} when there is nothing to decode. */
    Thread.State schedulerState() {
        return scheduler.getState();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        scheduler.interrupt();
    }

    private void run() {
        long deadline = 0;
        try {
            while (true) {
                boolean wasIdle = false;
                int joinedPromptTokens = 0;
                lock.lock();
                try {
                    active.removeIf(Sequence::cancelled);
                    while (active.isEmpty() && waiting.isEmpty()) {
                        wasIdle = true;
                        work.await();
                    }
                    while (active.size() < maxBatch && !waiting.isEmpty()) {
                        Sequence joining = waiting.poll();
                        if (!joining.cancelled()) {
                            active.add(joining);
                            joinedPromptTokens += prefixCache.prefill(joining.prefixBlocks(), joining.promptTokens());
                        }
                    }
                } finally {
                    lock.unlock();
                }
                if (active.isEmpty()) {
                    continue;
                }
                long step = stepTime.nanos(active.size()) + prefillPerToken.toNanos() * joinedPromptTokens;
                long now = System.nanoTime();
                long start = wasIdle || now - deadline > step + MAX_LAG.toNanos() ? now : deadline;
                deadline = start + step;
                long wait;
                while ((wait = deadline - System.nanoTime()) > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                emitStep();
            }
        } catch (InterruptedException e) {
            // closed: end every sequence below
        } finally {
            endAll();
        }
    }

    private void emitStep() {
        lock.lock();
        try {
            active.removeIf(Sequence::emit);
        } finally {
            lock.unlock();
        }
    }

    private void endAll() {
        lock.lock();
        try {
            closed = true;
            active.forEach(Sequence::end);
            waiting.forEach(Sequence::end);
            active.clear();
            waiting.clear();
        } finally {
            lock.unlock();
        }
    }

    private int locked(IntSupplier read) {
        lock.lock();
        try {
            return read.getAsInt();
        } finally {
            lock.unlock();
        }
    }
}
