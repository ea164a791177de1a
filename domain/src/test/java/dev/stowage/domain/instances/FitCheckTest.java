package dev.stowage.domain.instances;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FitCheckTest {
    private static final InstanceTypeCatalog CATALOG = InstanceTypeCatalog.standard();
    private static final InstanceType G5_12XL = CATALOG.find("ml.g5.12xlarge").orElseThrow();
    private static final InstanceType M5_XL = CATALOG.find("ml.m5.xlarge").orElseThrow();
    private static final InstanceType INF2_XL = CATALOG.find("ml.inf2.xlarge").orElseThrow();

    @Test
    void a_copy_within_the_allocatable_share_fits() {
        assertThat(FitCheck.whyNotFits(new Demand(47, 4, 188_416), G5_12XL)).isEmpty();
        assertThat(FitCheck.fits(new Demand(0.25, 0, 128), M5_XL)).isTrue();
    }

    @Test
    void says_when_there_are_too_few_accelerator_devices() {
        assertThat(FitCheck.whyNotFits(new Demand(1, 8, 1024), G5_12XL))
                .hasValue("A copy needs 8 accelerator devices but ml.g5.12xlarge has 4.");
        assertThat(FitCheck.whyNotFits(new Demand(1, 2, 1024), INF2_XL))
                .hasValue("A copy needs 2 accelerator devices but ml.inf2.xlarge has 1.");
    }

    @Test
    void says_when_the_type_has_no_accelerators() {
        assertThat(FitCheck.whyNotFits(new Demand(1, 2, 1024), M5_XL))
                .hasValue("A copy needs 2 accelerator devices but ml.m5.xlarge has none.");
        assertThat(FitCheck.whyNotFits(new Demand(1, 1, 1024), M5_XL))
                .hasValue("A copy needs 1 accelerator device but ml.m5.xlarge has none.");
    }

    @Test
    void says_when_memory_does_not_fit() {
        assertThat(FitCheck.whyNotFits(new Demand(1, 1, 200_000), G5_12XL))
                .hasValue("A copy needs 200000 MB of memory but ml.g5.12xlarge can allocate 188416 MB.");
    }

    @Test
    void says_when_cores_do_not_fit() {
        assertThat(FitCheck.whyNotFits(new Demand(4, 0, 1024), M5_XL))
                .hasValue("A copy needs 4 CPU cores but ml.m5.xlarge can allocate 3.5.");
        assertThat(FitCheck.whyNotFits(
                        new Demand(3.75, 0, 1024), CATALOG.find("ml.m5.large").orElseThrow()))
                .hasValue("A copy needs 3.75 CPU cores but ml.m5.large can allocate 1.5.");
    }

    @Test
    void names_every_resource_that_does_not_fit() {
        assertThat(FitCheck.whyNotFits(new Demand(64, 8, 200_000), G5_12XL))
                .hasValue("A copy needs 8 accelerator devices but ml.g5.12xlarge has 4."
                        + " A copy needs 64 CPU cores but ml.g5.12xlarge can allocate 47."
                        + " A copy needs 200000 MB of memory but ml.g5.12xlarge can allocate 188416 MB.");
    }

    @Property
    void fits_exactly_when_every_resource_is_within_the_allocatable_share(
            @ForAll @IntRange(min = 1, max = 800) int quarterCores,
            @ForAll @IntRange(max = 20) int devices,
            @ForAll @LongRange(max = 3_000_000) long memoryMib,
            @ForAll @IntRange(max = 200) int typeIndex) {
        InstanceType type = CATALOG.all().get(typeIndex % CATALOG.all().size());
        Demand demand = new Demand(quarterCores / 4.0, devices, memoryMib);
        Allocatable free = type.allocatable();

        boolean within = demand.cores() <= free.cores()
                && demand.acceleratorDevices() <= free.acceleratorDevices()
                && demand.memoryMib() <= free.memoryMib();

        assertThat(FitCheck.fits(demand, type)).isEqualTo(within);
    }
}
