package dev.stowage.domain.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.domain.Fixtures;
import org.junit.jupiter.api.Test;

class DemandTest {

    @Test
    void reads_the_three_compute_resource_requirements() {
        assertThat(Demand.of(4.0, 2.0, 16_384)).isEqualTo(new Demand(4, 2, 16_384));
    }

    @Test
    void absent_cores_are_the_minimum_and_absent_devices_none() {
        assertThat(Demand.of(null, null, 1024)).isEqualTo(new Demand(0.25, 0, 1024));
    }

    @Test
    void reads_a_specification() {
        var specification = Fixtures.doc("{'ModelName': 'm', 'ComputeResourceRequirements':"
                + " {'NumberOfCpuCoresRequired': 0.5, 'NumberOfAcceleratorDevicesRequired': 1,"
                + " 'MinMemoryRequiredInMb': 2048, 'MaxMemoryRequiredInMb': 4096}}");

        assertThat(Demand.ofSpecification(specification)).isEqualTo(new Demand(0.5, 1, 2048));
    }

    @Test
    void refuses_a_fraction_of_a_device() {
        assertThatThrownBy(() -> Demand.of(1.0, 1.5, 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number of accelerator devices");
    }

    @Test
    void refuses_fewer_cores_than_the_service_minimum() {
        assertThatThrownBy(() -> new Demand(0.1, 0, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Demand(Double.NaN, 0, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Demand(1, -1, 1024)).isInstanceOf(IllegalArgumentException.class);
    }
}
