package dev.stowage.domain.views;

import static dev.stowage.domain.views.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.events.Event;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ModelEvent;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** However wake-ups are duplicated, reordered or interleaved with appends, the views end as the streams. */
class ProjectorConvergenceTest {
    private static final List<String> STREAMS = List.of("inference-component/a", "inference-component/b", "model/c");

    private static List<Event> icScript(String name) {
        return List.of(
                Fixtures.icCreated(name, 1, T0),
                Fixtures.copies(2, T0.plusSeconds(1)),
                new InferenceComponentEvent.InService(T0.plusSeconds(2)),
                Fixtures.copies(4, T0.plusSeconds(3)),
                new InferenceComponentEvent.DeletionStarted(T0.plusSeconds(4)),
                new InferenceComponentEvent.Deleted(T0.plusSeconds(5)),
                Fixtures.icCreated(name, 3, T0.plusSeconds(6)),
                new InferenceComponentEvent.Failed("no capacity", T0.plusSeconds(7)));
    }

    private static final List<List<Event>> SCRIPTS = List.of(
            icScript("a"),
            icScript("b"),
            List.of(
                    Fixtures.modelCreated("c", T0),
                    new ModelEvent.Deleted(T0.plusSeconds(1)),
                    Fixtures.modelCreated("c", T0.plusSeconds(2))));

    /** Each step: stream index, and whether to append its next event (true) or deliver a wake-up (false). */
    @Property(tries = 300)
    void viewsConverge(@ForAll("steps") List<Step> steps) {
        FakeEventStore events = new FakeEventStore();
        InMemoryViewStore views = new InMemoryViewStore();
        Projector projector = new Projector(events, views);
        int[] appended = new int[STREAMS.size()];

        for (Step step : steps) {
            String stream = STREAMS.get(step.stream());
            List<Event> script = SCRIPTS.get(step.stream());
            if (step.append() && appended[step.stream()] < script.size()) {
                events.add(stream, script.get(appended[step.stream()]++));
            } else {
                projector.catchUp(stream);
            }
        }
        for (String stream : STREAMS) {
            projector.catchUp(stream);
        }

        for (String stream : STREAMS) {
            ViewKind kind = ViewKind.ofStream(stream).orElseThrow();
            assertThat(views.load(stream).row()).isEqualTo(Views.describe(kind, events.read(stream, 0)));
            assertThat(views.checkpoint(stream))
                    .isEqualTo(events.read(stream, 0).size());
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.integers()
                .between(0, STREAMS.size() - 1)
                .flatMap(stream -> Arbitraries.of(true, false).map(append -> new Step(stream, append)));
        return step.list().ofMaxSize(40);
    }

    record Step(int stream, boolean append) {}
}
