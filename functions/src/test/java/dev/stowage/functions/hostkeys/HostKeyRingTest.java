package dev.stowage.functions.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.MutableClock;
import dev.stowage.wire.hostapi.HostKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ring is made once, kept while its key is young, and rotated keeping the previous key. */
class HostKeyRingTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final HostKey K1 = new HostKey("hk-1", "c2VjcmV0LW9uZQ==");
    private static final HostKey K2 = new HostKey("hk-2", "c2VjcmV0LXR3bw==");
    private static final HostKey K3 = new HostKey("hk-3", "c2VjcmV0LXRocmVl");

    private final MutableClock clock = new MutableClock(T0);
    private final Deque<HostKey> fresh = new ArrayDeque<>(List.of(K1, K2, K3));
    private final InMemoryKeyRingStore store = new InMemoryKeyRingStore();
    private final HostKeyRing ring = new HostKeyRing(store, new KeyRotation(Duration.ofDays(30)), fresh::poll, clock);

    @Test
    void the_first_read_makes_the_ring_and_later_ones_keep_it_until_the_period_is_over() {
        assertThat(ring.keys()).containsExactly(K1);
        clock.advance(Duration.ofDays(29));
        assertThat(ring.keys()).containsExactly(K1);

        clock.advance(Duration.ofDays(1));
        assertThat(ring.keys()).as("rotated: current first, previous kept").containsExactly(K2, K1);
        clock.advance(Duration.ofDays(30));
        assertThat(ring.keys()).as("the key before the previous one is dropped").containsExactly(K3, K2);
    }

    @Test
    void a_ring_another_container_stored_first_wins() {
        StoredKeyRing theirs = new StoredKeyRing(K3, T0, Optional.empty());
        KeyRingStore racing = new KeyRingStore() {
            private boolean lost;

            @Override
            public Optional<StoredKeyRing> load() {
                return store.load();
            }

            @Override
            public boolean replace(Optional<StoredKeyRing> expected, StoredKeyRing next) {
                if (!lost) {
                    lost = true;
                    store.replace(Optional.empty(), theirs);
                }
                return store.replace(expected, next);
            }
        };

        assertThat(new HostKeyRing(racing, KeyRotation.standard(), fresh::poll, clock).keys())
                .containsExactly(K3);
    }

    @Test
    void fresh_keys_are_random_and_hmac_sized() {
        FreshHostKeys keys = new FreshHostKeys();
        HostKey one = keys.get();
        HostKey two = keys.get();

        assertThat(one.secretBytes()).hasSize(32);
        assertThat(one.keyId()).isNotEqualTo(two.keyId());
        assertThat(one.secret()).isNotEqualTo(two.secret());
        assertThat(one.toString()).doesNotContain(one.secret());
    }
}
