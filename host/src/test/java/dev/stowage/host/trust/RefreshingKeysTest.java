package dev.stowage.host.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.wire.hostapi.HostKeys;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Keys are read once, again when old, and again on an unknown key at most once per gap; a failed read keeps them. */
class RefreshingKeysTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean failing;
    private final Supplier<HostKeys> control = () -> {
        reads.incrementAndGet();
        if (failing) {
            throw new IllegalStateException("the API does not answer");
        }
        return TestKeys.KEYS;
    };
    private final RefreshingKeys keys =
            new RefreshingKeys(control, Duration.ofMinutes(5), Duration.ofSeconds(2), nanos::get);

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void keys_are_read_once_then_again_when_older_than_their_age() {
        keys.keys();
        keys.keys();
        assertThat(reads).hasValue(1);

        advance(Duration.ofMinutes(6));
        keys.keys();
        assertThat(reads).hasValue(2);
    }

    @Test
    void an_unknown_key_reads_them_again_at_most_once_per_gap() {
        keys.keys();
        keys.refreshed();
        keys.refreshed();
        assertThat(reads).as("read a moment ago").hasValue(1);

        advance(Duration.ofSeconds(3));
        keys.refreshed();
        keys.refreshed();
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_failed_read_keeps_the_keys_known_and_without_any_it_is_thrown() {
        failing = true;
        assertThatThrownBy(keys::keys).hasMessage("the API does not answer");

        failing = false;
        assertThat(keys.keys()).isEqualTo(TestKeys.KEYS);
        failing = true;
        advance(Duration.ofMinutes(6));
        assertThat(keys.keys()).isEqualTo(TestKeys.KEYS);
        assertThat(keys.keys()).isEqualTo(TestKeys.KEYS);
        assertThat(reads).as("not again on every request after a failure").hasValue(3);
        assertThat(new HostKeys(List.of(TestKeys.CURRENT), List.of()).current()).isEqualTo(TestKeys.CURRENT);
    }
}
