package dev.stowage.domain.fleet;

import dev.stowage.domain.app.CommandService;
import dev.stowage.domain.app.EventStore;
import dev.stowage.domain.app.StreamIds;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Inference components as their streams say now, for a reactor that reads the same components round after round.
 * What was read is kept with the version it was folded at; before each use one {@link EventStore#changedSince} asks
 * which of them changed, and only those are read again. Answers are as fresh as a consistent read of every stream,
 * at a cost of one request per hundred components plus one per change. Keeps the {@value #CAPACITY} most recently
 * used components. Safe for concurrent use.
 */
final class ComponentReads {
    static final int CAPACITY = 10_000;

    private final EventStore events;
    private final CommandService commands;
    private final InferenceComponentDecider decider;
    private final Map<String, CommandService.Loaded<InferenceComponentState>> kept =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(
                        Map.Entry<String, CommandService.Loaded<InferenceComponentState>> eldest) {
                    return size() > CAPACITY;
                }
            };

    ComponentReads(EventStore events, CommandService commands, InferenceComponentDecider decider) {
        this.events = events;
        this.commands = commands;
        this.decider = decider;
    }

    /** The current state of each of the components {@code names}, by name. */
    Map<String, InferenceComponentState> load(Collection<String> names) {
        Map<String, Long> versions = new LinkedHashMap<>();
        synchronized (kept) {
            for (String name : names) {
                var known = kept.get(StreamIds.inferenceComponent(name));
                if (known != null) {
                    versions.put(StreamIds.inferenceComponent(name), known.version());
                }
            }
        }
        Set<String> changed = events.changedSince(versions);
        Map<String, InferenceComponentState> states = new TreeMap<>();
        for (String name : names) {
            String stream = StreamIds.inferenceComponent(name);
            CommandService.Loaded<InferenceComponentState> loaded;
            synchronized (kept) {
                loaded = versions.containsKey(stream) && !changed.contains(stream) ? kept.get(stream) : null;
            }
            if (loaded == null) {
                loaded = commands.load(stream, decider);
                synchronized (kept) {
                    kept.put(stream, loaded);
                }
            }
            states.put(name, loaded.state());
        }
        return states;
    }
}
