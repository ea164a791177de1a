package dev.stowage.local.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A trace file with one request per line, read one line at a time. Lines must be in time order (a request earlier
 * than the one before is refused: the replay takes arrivals in order); blank lines are skipped. Its rate scale draws
 * from a generator seeded with {@code seedName}.
 */
final class RequestTrace implements Workload {
    private final Path file;
    private final String seedName;
    private final LineParser parser;
    private final WorkloadShaping shaping;

    RequestTrace(Path file, String seedName, LineParser parser, WorkloadShaping shaping) {
        this.file = file;
        this.seedName = seedName;
        this.parser = parser;
        this.shaping = shaping;
    }

    @Override
    public Stream<Arrival> arrivals() {
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Lines lines = new Lines(reader);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED), false)
                .onClose(() -> close(reader));
    }

    private final class Lines implements Iterator<Arrival> {
        private final BufferedReader reader;
        private final SplittableRandom random = shaping.random(seedName, 0);
        private final ArrayDeque<Arrival> ready = new ArrayDeque<>();
        private long number;
        private long lastMillis = Long.MIN_VALUE;
        private boolean ended;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && !ended) {
                readLine();
            }
            return !ready.isEmpty();
        }

        @Override
        public Arrival next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.removeFirst();
        }

        private void readLine() {
            String text;
            try {
                text = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (text == null) {
                ended = true;
                if (number == 0) {
                    throw InputException.inFile(file, "the file is empty");
                }
                return;
            }
            number++;
            TraceLine line = new TraceLine(file, number, text);
            if (number == 1 && parser.header() != null) {
                checkHeader(line, parser.header());
                return;
            }
            if (text.isBlank()) {
                return;
            }
            Arrival arrival = parser.parse(line);
            if (arrival.timestampMillis() < lastMillis) {
                throw line.error("the requests are not in time order (this one is earlier than the line before)");
            }
            lastMillis = arrival.timestampMillis();
            int copies = shaping.copies(random);
            for (int i = 0; i < copies; i++) {
                ready.add(new Arrival(
                        shaping.time(arrival.timestampMillis()),
                        arrival.component(),
                        arrival.inputTokens(),
                        arrival.outputTokens()));
            }
        }
    }

    private static void checkHeader(TraceLine line, String expected) {
        String found = line.text().replace(" ", "").strip();
        if (!found.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))) {
            throw line.error(
                    "the header must be '" + expected + "', not '" + line.text().strip() + "'");
        }
    }

    private static void close(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
