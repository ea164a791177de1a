package dev.stowage.functions.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.wire.hostapi.HostKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link KeyRingStore} promises; each adapter's test extends it. */
public abstract class KeyRingStoreContract {
    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final HostKey K1 = new HostKey("hk-1", "c2VjcmV0LW9uZQ==");
    static final HostKey K2 = new HostKey("hk-2", "c2VjcmV0LXR3bw==");
    static final HostKey K3 = new HostKey("hk-3", "c2VjcmV0LXRocmVl");

    protected abstract KeyRingStore store();

    @Test
    void a_new_store_holds_no_ring_and_stores_the_first_once() {
        KeyRingStore store = store();
        StoredKeyRing first = new StoredKeyRing(K1, T0, Optional.empty());

        assertThat(store.load()).isEmpty();
        assertThat(store.replace(Optional.empty(), first)).isTrue();
        assertThat(store.replace(Optional.empty(), new StoredKeyRing(K2, T0, Optional.empty())))
                .as("a second first ring loses")
                .isFalse();
        assertThat(store.load()).contains(first);
    }

    @Test
    void a_ring_is_replaced_only_by_who_read_the_stored_one() {
        KeyRingStore store = store();
        StoredKeyRing first = new StoredKeyRing(K1, T0, Optional.empty());
        StoredKeyRing rotated = new StoredKeyRing(K2, T0.plusSeconds(60), Optional.of(K1));
        store.replace(Optional.empty(), first);

        assertThat(store.replace(Optional.of(first), rotated)).isTrue();
        assertThat(store.replace(Optional.of(first), new StoredKeyRing(K3, T0.plusSeconds(61), Optional.of(K1))))
                .as("a rotation from a ring read before the last one loses")
                .isFalse();
        assertThat(store.load()).contains(rotated);
    }
}
