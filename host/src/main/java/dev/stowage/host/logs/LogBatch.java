package dev.stowage.host.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Splits log events into PutLogEvents batches within CloudWatch Logs' limits: at most {@value #MAX_EVENTS} events and
 * {@value #MAX_BYTES} bytes, counting each event as its UTF-8 message plus {@value #EVENT_OVERHEAD} bytes. Events
 * must already be in time order.
 */
final class LogBatch {
    static final int MAX_EVENTS = 10_000;
    static final int MAX_BYTES = 1_048_576;
    static final int EVENT_OVERHEAD = 26;
    /** The longest message kept whole; longer ones are cut (CloudWatch's event limit is 256 KiB with overhead). */
    static final int MAX_MESSAGE_BYTES = 256 * 1024 - EVENT_OVERHEAD;

    private LogBatch() {}

    static List<List<InputLogEvent>> split(List<InputLogEvent> events) {
        List<List<InputLogEvent>> batches = new ArrayList<>();
        List<InputLogEvent> batch = new ArrayList<>();
        int bytes = 0;
        for (InputLogEvent event : events) {
            int size = size(event.message());
            if (!batch.isEmpty() && (batch.size() == MAX_EVENTS || bytes + size > MAX_BYTES)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(event);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** {@code message}, cut to at most {@link #MAX_MESSAGE_BYTES} UTF-8 bytes. */
    static String fit(String message) {
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_MESSAGE_BYTES) {
            return message;
        }
        String cut = new String(utf8, 0, MAX_MESSAGE_BYTES, StandardCharsets.UTF_8);
        // A character split by the cut decodes as U+FFFD, which may take more bytes: drop it.
        while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }

    private static int size(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD;
    }
}
