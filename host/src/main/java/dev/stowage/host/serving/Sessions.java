package dev.stowage.host.serving;

import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.trust.SessionTokens;
import dev.stowage.wire.runtime.InvocationRequest;
import dev.stowage.wire.runtime.RuntimeError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stateful sessions as the router serves them (ADR 31). {@code X-Amzn-SageMaker-Session-Id: NEW_SESSION} goes to the
 * copy the router picks, and the container's {@code X-Amzn-SageMaker-New-Session-Id: <id>; Expires=<time>} comes
 * back with the id wrapped in a {@link SessionTokens token} naming that copy; a request carrying a token goes to that
 * copy only, with the container's id, from whichever host it enters; a container's {@code
 * X-Amzn-SageMaker-Closed-Session-Id} comes back as the client's token. A token that does not verify, has expired or
 * whose copy no longer serves is refused with a {@code ValidationError}.
 */
final class Sessions {
    static final String SESSION_HEADER = "X-Amzn-SageMaker-Session-Id";
    static final String NEW_SESSION_HEADER = "X-Amzn-SageMaker-New-Session-Id";
    static final String CLOSED_SESSION_HEADER = "X-Amzn-SageMaker-Closed-Session-Id";
    static final String NEW_SESSION = "NEW_SESSION";
    /** What a copy's host answers in {@value PeerForwarding#REFUSED_HEADER} for a request of a closed session. */
    static final String CLOSED_REFUSAL = "session-closed";
    /** A session's life when its container names no {@code Expires}: DJL's and vLLM's default. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(20);

    private static final String EXPIRES = "Expires=";

    private final SessionTokens tokens;
    private final Clock clock;

    Sessions(SessionTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** What an invocation's session header asks of the router. */
    sealed interface Binding {
        /** The invocation's copies narrowed to those it may go to: all of them, or its session's. */
        default <V> Map<String, V> restrict(Map<String, V> slots) {
            return slots;
        }

        /** The {@value #SESSION_HEADER} the container gets, if any. */
        default @Nullable String containerHeader() {
            return null;
        }
    }

    /** No session: any copy. */
    record None() implements Binding {}

    /** {@code NEW_SESSION}: any copy, and the container may open a session there. */
    record Opening() implements Binding {
        @Override
        public String containerHeader() {
            return NEW_SESSION;
        }
    }

    /** A session's request: its copy only. */
    record Pinned(SessionTokens.Pin pin, String clientId) implements Binding {
        @Override
        public <V> Map<String, V> restrict(Map<String, V> slots) {
            Map<String, V> only = new LinkedHashMap<>();
            V slot = slots.get(pin.copyId());
            if (slot != null) {
                only.put(pin.copyId(), slot);
            }
            return only;
        }

        @Override
        public String containerHeader() {
            return pin.containerId();
        }

        /** The service's refusal of a session that its container closed. */
        RuntimeError closed() {
            return RuntimeError.validation(
                    "Session " + clientId + " has been closed. Start a new session with NEW_SESSION.");
        }

        /** The service's refusal once the session's copy no longer serves. */
        RuntimeError gone() {
            return RuntimeError.validation("Session " + clientId + " is no longer available: the copy of inference"
                    + " component " + pin.component() + " that held it has stopped serving. Start a new session"
                    + " with NEW_SESSION.");
        }
    }

    /** The request refused: a session id that is not one, or no longer is. */
    record Refused(RuntimeError error) implements Binding {}

    /** The binding of {@code request}, for its resolved {@code target}. */
    Binding bind(InvocationRequest request, Target target) {
        String id = request.sessionId();
        if (id == null) {
            return new None();
        }
        if (id.equals(NEW_SESSION)) {
            return new Opening();
        }
        Optional<SessionTokens.Pin> pin = tokens.verify(target.endpoint(), target.component(), id);
        if (pin.isEmpty()) {
            return new Refused(RuntimeError.validation("Session " + id + " is not a session of inference component "
                    + target.component() + " on endpoint " + target.endpoint() + "."));
        }
        if (clock.instant().getEpochSecond() >= pin.get().expires()) {
            return new Refused(RuntimeError.validation("Session " + id + " expired at "
                    + Instant.ofEpochSecond(pin.get().expires()) + ". Start a new session with NEW_SESSION."));
        }
        return new Pinned(pin.get(), id);
    }

    /**
     * Whether {@code copy}'s container closed the session {@code containerSessionId} names, or the session that
     * {@code binding} is. Called where requests reach a copy: its host's router, or its host's {@link PeerForwarding}.
     */
    static boolean closedOn(RoutableCopy copy, @Nullable String containerSessionId) {
        return containerSessionId != null
                && !containerSessionId.equals(NEW_SESSION)
                && copy.isSessionClosed(containerSessionId);
    }

    /** Remembers on {@code copy} the session its container's answer ({@code headers}) says it closed. */
    static void noteClosed(RoutableCopy copy, Map<String, String> headers) {
        String closed = CopyClient.header(headers, CLOSED_SESSION_HEADER);
        if (closed != null && closed.length() <= SessionTokens.MAX_LENGTH) {
            copy.sessionClosed(closed);
        }
    }

    /** The session headers the client gets, in the service's terms, or the error that replaces the answer. */
    sealed interface Reply {}

    /** {@code newSessionId} and {@code closedSessionId} as the client sees them (either may be null). */
    record Ids(@Nullable String newSessionId, @Nullable String closedSessionId) implements Reply {}

    record Failed(RuntimeError error) implements Reply {}

    /**
     * The client's view of what the container answered about sessions ({@code returned}, its headers) for a request
     * {@code binding} sent to {@code copyId}.
     */
    Reply reply(Target target, String copyId, Binding binding, Map<String, String> returned, String source) {
        String opened = CopyClient.header(returned, NEW_SESSION_HEADER);
        String closed = CopyClient.header(returned, CLOSED_SESSION_HEADER);
        String newId = null;
        if (opened != null && binding instanceof Opening) {
            Optional<String> wrapped = open(target, copyId, opened);
            if (wrapped.isEmpty()) {
                return new Failed(RuntimeError.modelError(
                        source,
                        502,
                        "The container answered " + NEW_SESSION_HEADER + " with a session id that is not letters,"
                                + " digits and hyphens short enough to carry its copy in 256 characters, or with an"
                                + " Expires that is not yyyy-mm-ddThh:mm:ssZ.",
                        null));
            }
            newId = wrapped.get();
        }
        String closedId = closed != null && binding instanceof Pinned pinned ? pinned.clientId() : null;
        return new Ids(newId, closedId);
    }

    private Optional<String> open(Target target, String copyId, String header) {
        String[] parts = header.split(";", 2);
        String containerId = parts[0].trim();
        if (containerId.length() > SessionTokens.MAX_LENGTH) {
            return Optional.empty();
        }
        Instant expires;
        if (parts.length < 2) {
            expires = clock.instant().plus(DEFAULT_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
        } else {
            String attribute = parts[1].trim();
            if (!attribute.startsWith(EXPIRES) || attribute.length() > 40) {
                return Optional.empty();
            }
            try {
                expires = Instant.parse(attribute.substring(EXPIRES.length()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return tokens.issue(new SessionTokens.Pin(
                        target.endpoint(), target.component(), copyId, expires.getEpochSecond(), containerId))
                .map(token -> token + "; " + EXPIRES
                        + DateTimeFormatter.ISO_INSTANT.format(expires.truncatedTo(ChronoUnit.SECONDS)));
    }
}
