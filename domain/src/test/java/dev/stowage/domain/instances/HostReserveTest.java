package dev.stowage.domain.instances;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostReserveTest {

    @ParameterizedTest
    @CsvSource({"2, 0.5", "4, 0.5", "8, 1", "192, 1"})
    void keeps_one_vcpu_or_half_of_one_on_small_instances(int vcpus, double reserved) {
        assertThat(HostReserve.cores(vcpus)).isEqualTo(reserved);
    }

    @ParameterizedTest
    @CsvSource({
        "4, 1", // 0.2 GiB -> at least 1 GiB
        "16, 1", // 0.8 -> 1
        "32, 2", // 1.6 -> 2
        "61, 4", // 3.05 -> 4
        "64, 4", // 3.2 -> 4
        "128, 7", // 6.4 -> 7
        "160, 8", // exactly 8
        "192, 8", // 9.6 -> at most 8
        "2048, 8",
    })
    void keeps_five_percent_of_memory_rounded_up_to_a_gib_between_1_and_8(long memoryGib, long reservedGib) {
        assertThat(HostReserve.memoryMib(memoryGib * 1024)).isEqualTo(reservedGib * 1024);
    }

    @Test
    void leaves_copies_the_rest_and_every_accelerator() {
        InstanceTypeCatalog catalog = InstanceTypeCatalog.standard();

        assertThat(catalog.find("ml.g5.12xlarge").orElseThrow().allocatable())
                .isEqualTo(new Allocatable(47, 188_416, 4));
        assertThat(catalog.find("ml.g4dn.xlarge").orElseThrow().allocatable())
                .isEqualTo(new Allocatable(3.5, 15 * 1024, 1));
        assertThat(catalog.find("ml.m5.large").orElseThrow().allocatable())
                .isEqualTo(new Allocatable(1.5, 7 * 1024, 0));
        assertThat(catalog.find("ml.p5.48xlarge").orElseThrow().allocatable())
                .isEqualTo(new Allocatable(191, 2040 * 1024, 8));
    }

    @Test
    void leaves_something_on_every_catalog_type() {
        assertThat(InstanceTypeCatalog.standard().all()).allSatisfy(type -> {
            assertThat(type.allocatable().cores()).isGreaterThanOrEqualTo(1.5);
            assertThat(type.allocatable().memoryMib()).isGreaterThanOrEqualTo(3 * 1024);
            assertThat(type.allocatable().acceleratorDevices()).isEqualTo(type.acceleratorCount());
        });
    }
}
