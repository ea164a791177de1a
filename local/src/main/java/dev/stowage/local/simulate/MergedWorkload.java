package dev.stowage.local.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Several workloads as one, their arrivals merged in time order (ties in the order the parts are given). */
final class MergedWorkload implements Workload {
    private final List<Workload> parts;

    MergedWorkload(List<Workload> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public Stream<Arrival> arrivals() {
        List<Stream<Arrival>> streams = new ArrayList<>();
        try {
            for (Workload part : parts) {
                streams.add(part.arrivals());
            }
        } catch (RuntimeException e) {
            streams.forEach(Stream::close);
            throw e;
        }
        Merge merge = new Merge(streams.stream().map(Stream::iterator).toList());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merge, Spliterator.ORDERED), false)
                .onClose(() -> streams.forEach(Stream::close));
    }

    private record Head(Arrival arrival, int part) {}

    private static final class Merge implements Iterator<Arrival> {
        private final List<Iterator<Arrival>> iterators;
        private final PriorityQueue<Head> heads = new PriorityQueue<>(
                Comparator.comparingLong((Head head) -> head.arrival().timestampMillis())
                        .thenComparingInt(Head::part));
        private boolean started;

        Merge(List<Iterator<Arrival>> iterators) {
            this.iterators = iterators;
        }

        @Override
        public boolean hasNext() {
            if (!started) {
                started = true;
                for (int part = 0; part < iterators.size(); part++) {
                    advance(part);
                }
            }
            return !heads.isEmpty();
        }

        @Override
        public Arrival next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Head head = heads.remove();
            advance(head.part());
            return head.arrival();
        }

        private void advance(int part) {
            Iterator<Arrival> iterator = iterators.get(part);
            if (iterator.hasNext()) {
                heads.add(new Head(iterator.next(), part));
            }
        }
    }
}
