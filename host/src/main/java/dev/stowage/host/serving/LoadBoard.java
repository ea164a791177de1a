package dev.stowage.host.serving;

import java.util.HashMap;
import java.util.Map;

/**
 * What one router believes about the outstanding requests of copies on other hosts (ADR 11): the count the copy's
 * host last reported, plus the requests this router has sent it since that report and not yet seen finish. A
 * report already counts the requests sent before it, so when one of those ends it comes off the reported count.
 * The estimate is exact for a router's own traffic and as fresh as the last report for everyone else's. Safe for
 * concurrent use.
 */
final class LoadBoard {
    private final Map<String, Entry> entries = new HashMap<>();

    /** A request this router sent to a peer copy; hand it back to {@link #done}. */
    record Ticket(String copyId, long epoch) {}

    private record Entry(int reported, int sentSince, long epoch) {}

    /** The copy's host says it has {@code outstanding} requests now. */
    synchronized void report(String copyId, int outstanding) {
        Entry entry = entries.get(copyId);
        long epoch = entry == null ? 1 : entry.epoch() + 1;
        entries.put(copyId, new Entry(Math.max(0, outstanding), 0, epoch));
    }

    synchronized void reportAll(Map<String, Integer> outstanding) {
        outstanding.forEach(this::report);
    }

    /** This router sends one more request to the copy. */
    synchronized Ticket sent(String copyId) {
        Entry entry = entries.getOrDefault(copyId, new Entry(0, 0, 0));
        entries.put(copyId, new Entry(entry.reported(), entry.sentSince() + 1, entry.epoch()));
        return new Ticket(copyId, entry.epoch());
    }

    /**
     * A request sent with {@link #sent} is over. Sent before the latest report, it is taken off the reported count
     * (which counted it: the answer to every forwarded request carries a report made while it was in flight).
     */
    synchronized void done(Ticket ticket) {
        Entry entry = entries.get(ticket.copyId());
        if (entry == null) {
            return;
        }
        if (entry.epoch() == ticket.epoch()) {
            entries.put(
                    ticket.copyId(), new Entry(entry.reported(), Math.max(0, entry.sentSince() - 1), entry.epoch()));
        } else {
            entries.put(
                    ticket.copyId(), new Entry(Math.max(0, entry.reported() - 1), entry.sentSince(), entry.epoch()));
        }
    }

    /** The outstanding requests the copy is believed to have. */
    synchronized int estimate(String copyId) {
        Entry entry = entries.get(copyId);
        return entry == null ? 0 : entry.reported() + entry.sentSince();
    }
}
