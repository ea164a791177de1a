package dev.stowage.host.serving;

import dev.stowage.domain.routing.Candidate;
import dev.stowage.host.copies.RoutableCopy;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** A copy a router may send a request to: one of its own host's, or a peer's reached through the peer's host. */
sealed interface Slot {

    String copyId();

    String instanceId();

    /** Where the invocation is posted; a peer's host is told the copy's {@code limit}. */
    URI uri(int limit);

    /** The outstanding requests the router believes the copy has. */
    int outstanding();

    /** Takes one of the copy's request slots, or answers null when it has none to give (draining, gone, full). */
    @Nullable
    Lease acquire(int limit);

    default Candidate candidate(int limit) {
        return new Candidate(copyId(), instanceId(), Candidate.State.SERVING, outstanding(), limit);
    }

    /** A copy loaded on the router's own host: its counts are exact. */
    record Own(RoutableCopy copy, String instanceId) implements Slot {
        @Override
        public String copyId() {
            return copy.copyId();
        }

        @Override
        public URI uri(int limit) {
            return URI.create(copy.baseUrl() + "/invocations");
        }

        @Override
        public int outstanding() {
            return copy.inFlight();
        }

        @Override
        public @Nullable Lease acquire(int limit) {
            return copy.tryAcquire(limit) ? new Lease(copy::release) : null;
        }
    }

    /** A copy on another host: its count is what that host last reported plus what this router sent since. */
    record Peer(RoutingDirectory.PeerCopy peer, LoadBoard board) implements Slot {
        @Override
        public String copyId() {
            return peer.copyId();
        }

        @Override
        public String instanceId() {
            return peer.instanceId();
        }

        @Override
        public URI uri(int limit) {
            return PeerForwarding.uri(peer.host(), peer.copyId(), limit);
        }

        @Override
        public int outstanding() {
            return board.estimate(peer.copyId());
        }

        @Override
        public Lease acquire(int limit) {
            LoadBoard.Ticket ticket = board.sent(peer.copyId());
            return new Lease(() -> board.done(ticket));
        }
    }

    /** A request slot held on a copy; {@link #release} gives it back, once. */
    final class Lease {
        private final Runnable release;
        private final AtomicBoolean released = new AtomicBoolean();

        Lease(Runnable release) {
            this.release = release;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                release.run();
            }
        }
    }
}
