package dev.stowage.host.serving;

import dev.stowage.domain.metrics.InvocationRecord;
import dev.stowage.wire.runtime.EventStreamEncoder;
import dev.stowage.wire.runtime.InvocationResponses;
import dev.stowage.wire.runtime.ResponseMetadata;
import dev.stowage.wire.runtime.RuntimeError;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a copy's answer into the runtime API's: the body whole for {@code InvokeEndpoint}, event-stream frames
 * written as the copy produces them for the streaming call, {@code ModelError} (424) for an error status, and the
 * service's time-out answers — a {@code ModelError} before the answer, a {@code ModelStreamError} frame during a
 * stream. Each ends by giving back the copy's slot and publishing the invocation's metrics.
 */
final class Replies {
    private static final int MAX_ERROR_BYTES = RuntimeError.MAX_MESSAGE * 4;
    private static final int CHUNK = 16 * 1024;
    static final String COPY_HEADER = "X-Stowage-Copy";
    static final String INSTANCE_HEADER = "X-Stowage-Instance";

    private final Watchdog watchdog;
    private final InvocationMetrics metrics;
    private final ServingSettings settings;
    private final Sessions sessions;

    Replies(Watchdog watchdog, InvocationMetrics metrics, ServingSettings settings, Sessions sessions) {
        this.watchdog = watchdog;
        this.metrics = metrics;
        this.settings = settings;
        this.sessions = sessions;
    }

    RuntimeResponse of(Call call, Slot slot, Slot.Lease lease, CopyClient.Answer answer, int serving, long sent) {
        Duration remaining = Duration.ofNanos(call.deadline(settings, sent) - System.nanoTime());
        if (answer.status() / 100 != 2) {
            String message = readError(answer.body(), remaining);
            lease.release();
            served(call, slot, InvocationRecord.Kind.modelError(answer.status()), serving, sent);
            return RuntimeResponse.error(
                    RuntimeError.modelError(source(call), answer.status(), message, null), call.requestId());
        }
        Map<String, String> returned = CopyClient.pick(answer.headers(), CopyClient.RETURNED);
        Sessions.Ids session = new Sessions.Ids(null, null);
        if (!call.request().streaming()) {
            switch (sessions.reply(call.target(), slot.copyId(), call.session(), returned, source(call))) {
                case Sessions.Ids ids -> session = ids;
                case Sessions.Failed failed -> {
                    closeQuietly(answer.body());
                    lease.release();
                    served(call, slot, InvocationRecord.Kind.MODEL_ERROR_5XX, serving, sent);
                    return RuntimeResponse.error(failed.error(), call.requestId());
                }
            }
        }
        ResponseMetadata metadata = new ResponseMetadata(
                returned.get("Content-Type"),
                call.target().variant(),
                returned.get("X-Amzn-SageMaker-Custom-Attributes"),
                session.newSessionId(),
                session.closedSessionId());
        if (call.request().streaming()) {
            return new RuntimeResponse.Streamed(
                    servedBy(slot, InvocationResponses.streamHeaders(metadata, call.requestId())),
                    out -> stream(call, slot, lease, answer.body(), out, serving, sent));
        }
        Watchdog.Guard guard = watchdog.closeAfter(remaining, answer.body());
        try (InputStream body = answer.body()) {
            byte[] bytes = body.readAllBytes();
            served(call, slot, InvocationRecord.Kind.SERVED, serving, sent);
            return new RuntimeResponse.Whole(
                    200, servedBy(slot, InvocationResponses.successHeaders(metadata, call.requestId())), bytes);
        } catch (IOException e) {
            return guard.fired() ? timedOut(call, slot, serving, sent) : unreachable(call, slot, serving, sent, e);
        } finally {
            guard.cancel();
            lease.release();
        }
    }

    /**
     * {@code headers} and, beyond the service, which copy on which instance served ({@value #COPY_HEADER}, {@value
     * #INSTANCE_HEADER}): SDKs ignore them, people and tests read them.
     */
    private static Map<String, String> servedBy(Slot slot, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(COPY_HEADER, slot.copyId());
        all.put(INSTANCE_HEADER, slot.instanceId());
        return all;
    }

    /** The model did not answer in time. */
    RuntimeResponse timedOut(Call call, Slot slot, int serving, long sent) {
        served(call, slot, InvocationRecord.Kind.MODEL_ERROR_5XX, serving, sent);
        return RuntimeResponse.error(RuntimeError.modelTimedOut(source(call)), call.requestId());
    }

    /** The copy could not be reached or broke off its answer. */
    RuntimeResponse unreachable(Call call, Slot slot, int serving, long sent, IOException cause) {
        served(call, slot, InvocationRecord.Kind.MODEL_ERROR_5XX, serving, sent);
        return RuntimeResponse.error(
                RuntimeError.modelError(
                        source(call),
                        502,
                        "The copy " + slot.copyId() + " did not answer: " + cause.getMessage(),
                        null),
                call.requestId());
    }

    private void stream(
            Call call, Slot slot, Slot.Lease lease, InputStream body, OutputStream out, int serving, long sent)
            throws IOException {
        Duration remaining = Duration.ofNanos(call.deadline(settings, sent) - System.nanoTime());
        Watchdog.Guard guard = watchdog.closeAfter(remaining, body);
        InvocationRecord.Kind kind = InvocationRecord.Kind.SERVED;
        try (body) {
            byte[] buffer = new byte[CHUNK];
            while (true) {
                int read;
                try {
                    read = body.read(buffer);
                } catch (IOException e) {
                    kind = InvocationRecord.Kind.MODEL_ERROR_5XX;
                    out.write(
                            guard.fired()
                                    ? EventStreamEncoder.modelStreamError(
                                            EventStreamEncoder.MODEL_INVOCATION_TIME_EXCEEDED,
                                            "The model did not finish its response stream within the invocation timeout of "
                                                    + settings.streamTimeout().toMillis() + " ms.")
                                    : EventStreamEncoder.modelStreamError(
                                            EventStreamEncoder.STREAM_BROKEN,
                                            "The model's stream broke: " + e.getMessage()));
                    out.flush();
                    return;
                }
                if (read < 0) {
                    return;
                }
                if (read > 0) {
                    out.write(EventStreamEncoder.payloadPart(Arrays.copyOf(buffer, read)));
                    out.flush();
                }
            }
        } finally {
            guard.cancel();
            lease.release();
            served(call, slot, kind, serving, sent);
        }
    }

    private void served(Call call, Slot slot, InvocationRecord.Kind kind, int serving, long sent) {
        long now = System.nanoTime();
        Duration model = Duration.ofNanos(now - sent);
        Duration overhead = Duration.ofNanos(Math.max(0, now - call.started() - model.toNanos()));
        metrics.record(call.record(
                Optional.of(new InvocationRecord.CopyRef(slot.instanceId(), slot.copyId())),
                kind,
                serving,
                model,
                overhead,
                metrics.now()));
    }

    private String readError(InputStream body, Duration remaining) {
        Watchdog.Guard guard = watchdog.closeAfter(remaining, body);
        try (body) {
            return new String(body.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } finally {
            guard.cancel();
        }
    }

    /** Who answered, as the service names it in model errors: the inference component. */
    private static String source(Call call) {
        return call.target().component();
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
