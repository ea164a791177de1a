package dev.stowage.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.events.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventTypesTest {
    private static final Pattern STORED_NAME = Pattern.compile("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*");

    @Test
    void every_event_record_has_a_stored_type() {
        List<Class<?>> records = new ArrayList<>();
        collectRecords(Event.class, records);

        assertThat(records).hasSize(43);
        assertThat(EventTypes.ALL.stream().map(EventType::recordClass).toList())
                .containsExactlyInAnyOrderElementsOf(
                        records.stream().map(c -> c.asSubclass(Event.class)).toList());
    }

    @Test
    void stored_names_are_stable_kebab_case_never_class_names() {
        assertThat(EventTypes.ALL)
                .allSatisfy(type -> assertThat(type.name()).matches(STORED_NAME))
                .extracting(EventType::name)
                .doesNotHaveDuplicates();
    }

    @Test
    void the_default_registry_is_consistent() {
        new EventCodec(EventTypes.ALL, EventTypes.UPCASTERS);
    }

    private static void collectRecords(Class<?> type, List<Class<?>> into) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collectRecords(permitted, into);
            }
        } else {
            into.add(type);
        }
    }
}
