package dev.stowage.host.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CopyTableTest {
    private static final URI BASE = URI.create("http://127.0.0.1:9000");

    private final CopyTable table = new CopyTable();

    @Test
    void lists_the_serving_copies_of_an_inference_component() {
        RoutableCopy a = new RoutableCopy("copy-a", "ic-1", BASE);
        RoutableCopy b = new RoutableCopy("copy-b", "ic-1", BASE);
        table.add(b);
        table.add(a);
        table.add(new RoutableCopy("copy-c", "ic-2", BASE));
        b.startDraining();

        assertThat(table.serving("ic-1")).containsExactly(a);
        assertThat(table.all()).extracting(RoutableCopy::copyId).containsExactly("copy-a", "copy-b", "copy-c");
    }

    @Test
    void counts_requests_in_flight_and_refuses_new_ones_once_draining() {
        table.add(new RoutableCopy("copy-a", "ic-1", BASE));

        assertThat(table.tryAcquire("copy-a")).isTrue();
        assertThat(table.tryAcquire("copy-a")).isTrue();
        assertThat(table.get("copy-a").orElseThrow().inFlight()).isEqualTo(2);
        table.get("copy-a").orElseThrow().startDraining();
        assertThat(table.tryAcquire("copy-a")).isFalse();
        assertThat(table.tryAcquire("unknown")).isFalse();
        table.release("copy-a");
        assertThat(table.get("copy-a").orElseThrow().inFlight()).isEqualTo(1);
    }

    @Test
    void awaiting_idle_returns_when_the_last_request_ends_or_the_timeout_passes() throws Exception {
        RoutableCopy copy = new RoutableCopy("copy-a", "ic-1", BASE);
        copy.tryAcquire();
        copy.startDraining();

        assertThat(copy.awaitIdle(Duration.ofMillis(20))).isFalse();
        CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> {
            try {
                return copy.awaitIdle(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        copy.release();
        assertThat(idle.get()).isTrue();
        assertThatThrownBy(copy::release).hasMessageContaining("released more requests than it acquired");
    }
}
