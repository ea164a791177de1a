package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdapterSlotsTest {

    @Test
    void registering_loads_an_adapter_and_makes_it_resident() throws Exception {
        AdapterSlots slots = new AdapterSlots(Duration.ZERO, 2, 160);

        slots.register("eu", "s3://a/eu/");

        assertThat(slots.use("eu")).isEqualTo("s3://a/eu/");
        assertThat(slots.stats()).isEqualTo(new AdapterSlots.Stats(1, 1, 2, 160, 1, 0, 0));
    }

    @Test
    void past_the_cap_the_least_recently_used_is_evicted_and_reloaded_when_asked_for() throws Exception {
        AdapterSlots slots = new AdapterSlots(Duration.ZERO, 2, 100);
        slots.register("a", "s3://a/");
        slots.register("b", "s3://b/");
        slots.use("a");

        slots.register("c", "s3://c/");

        assertThat(slots.resident()).containsExactly("a", "c");
        assertThat(slots.use("b")).isEqualTo("s3://b/");
        assertThat(slots.resident()).containsExactly("c", "b");
        assertThat(slots.stats()).isEqualTo(new AdapterSlots.Stats(3, 2, 2, 200, 3, 1, 2));
    }

    @Test
    void a_reload_costs_the_load_time() throws Exception {
        AdapterSlots slots = new AdapterSlots(Duration.ofMillis(60), 1, 100);
        slots.register("a", "s3://a/");
        slots.register("b", "s3://b/");

        long started = System.nanoTime();
        slots.use("a");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMillis).isGreaterThanOrEqualTo(55);
        started = System.nanoTime();
        slots.use("a");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(55);
    }

    @Test
    void registering_a_name_again_replaces_its_source_once_the_new_one_is_loaded() throws Exception {
        AdapterSlots slots = new AdapterSlots(Duration.ZERO, 2, 100);
        slots.register("a", "s3://a/v1/");

        slots.register("a", "s3://a/v2/");

        assertThat(slots.use("a")).isEqualTo("s3://a/v2/");
        assertThat(slots.stats().registered()).isEqualTo(1);
    }

    @Test
    void an_unregistered_adapter_is_refused_with_a_clear_message() throws Exception {
        AdapterSlots slots = new AdapterSlots(Duration.ZERO, 2, 100);
        slots.register("a", "s3://a/");

        assertThat(slots.unregister("a")).isTrue();
        assertThat(slots.unregister("a")).isFalse();
        assertThatThrownBy(() -> slots.use("a"))
                .isInstanceOf(AdapterSlots.UnknownAdapter.class)
                .hasMessage("Adapter \"a\" is not registered with this server; register it with POST /adapters.");
    }
}
