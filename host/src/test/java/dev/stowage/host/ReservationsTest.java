package dev.stowage.host;

import static dev.stowage.host.HostFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.events.FleetEvent.Capacity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservationsTest {

    @Test
    void every_assigned_copy_counts_against_what_the_instance_can_allocate() {
        Capacity capacity = new Capacity(10_000, 40_000, 4);
        List<Assignment> copies = List.of(
                scheduled(COPY_1, "stowage/echo"), // 1 device, 4 000 milli-cores, 16 384 MiB
                scheduled(COPY_2, container("stowage/echo", Map.of()), 2, 3));

        assertThat(Reservations.of(capacity, copies)).isEqualTo(new Reservations(80.0, 75.0, 81.92));
    }

    @Test
    void an_empty_instance_reserves_nothing_and_a_cpu_instance_no_gpu() {
        assertThat(Reservations.of(new Capacity(4_000, 8_000, 0), List.of())).isEqualTo(new Reservations(0, 0, 0));
    }
}
