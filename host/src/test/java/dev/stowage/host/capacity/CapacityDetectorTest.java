package dev.stowage.host.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.host.DeviceVisibility;
import dev.stowage.host.HostCapacity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityDetectorTest {

    /** Captured on an ml.g5.12xlarge (4 × A10G). */
    private static final String NVIDIA_SMI_G5_12XLARGE =
            """
            0, 23028 MiB
            1, 23028 MiB
            2, 23028 MiB
            3, 23028 MiB
            """;

    /** The shape neuron-ls --json-output prints on an inf2.24xlarge (6 Inferentia2 chips, 2 cores each). */
    private static final String NEURON_LS_INF2_24XLARGE =
            """
            [
              {"neuron_device": 0, "bdf": "10:1e.0", "connected_to": [1, 5], "nc_count": 2,
               "memory_size": 34359738368, "neuron_processes": []},
              {"neuron_device": 1, "bdf": "20:1e.0", "connected_to": [2, 0], "nc_count": 2,
               "memory_size": 34359738368, "neuron_processes": []},
              {"neuron_device": 2, "bdf": "10:1d.0", "connected_to": [3, 1], "nc_count": 2,
               "memory_size": 34359738368, "neuron_processes": []},
              {"neuron_device": 3, "bdf": "20:1f.0", "connected_to": [4, 2], "nc_count": 2,
               "memory_size": 34359738368, "neuron_processes": []},
              {"neuron_device": 4, "bdf": "10:1f.0", "connected_to": [5, 3], "nc_count": 2,
               "memory_size": 34359738368, "neuron_processes": []},
              {"neuron_device": 5, "bdf": "20:1d.0", "connected_to": [0, 4], "nc_count": 2,
               "memory_size": 34359738368, "neuron_processes": [{"pid": 1234, "command": "python serve.py"}]}
            ]
            """;

    @Test
    void reads_the_gpus_nvidia_smi_lists() {
        assertThat(NvidiaSmi.parse(NVIDIA_SMI_G5_12XLARGE)).hasSize(4).first().isEqualTo(new NvidiaSmi.Gpu(0, 23028));
        assertThat(NvidiaSmi.parse("")).isEmpty();
        assertThatThrownBy(() -> NvidiaSmi.parse("No devices were found"))
                .hasMessageContaining("Unexpected nvidia-smi line");
    }

    @Test
    void counts_the_neuron_devices_and_their_cores() {
        assertThat(NeuronLs.parse(NEURON_LS_INF2_24XLARGE)).isEqualTo(new NeuronLs.Devices(6, 2));
        assertThat(NeuronLs.parse("{\"neuron_devices\": [{\"neuron_device\": 0, \"nc_count\": 4}]}"))
                .isEqualTo(new NeuronLs.Devices(1, 4));
        assertThatThrownBy(() -> NeuronLs.parse("oops")).hasMessageContaining("did not print JSON");
    }

    @Test
    void a_simulated_instance_type_offers_its_allocatable_share() {
        HostCapacity g5 = CapacityDetector.simulated("ml.g5.12xlarge");

        assertThat(g5.accelerators()).isEqualTo(DeviceVisibility.Runtime.CUDA);
        assertThat(g5.capacity().acceleratorDevices()).isEqualTo(4);
        assertThat(g5.capacity().milliCores()).isBetween(40_000L, 48_000L);
        assertThat(g5.capacity().memoryMib()).isBetween(180_000L, 196_608L);
        assertThat(g5.source()).isEqualTo("ml.g5.12xlarge");
    }

    @Test
    void a_simulated_neuron_instance_confines_copies_by_neuron_cores() {
        HostCapacity inf2 = CapacityDetector.simulated("ml.inf2.24xlarge");

        assertThat(inf2.accelerators()).isEqualTo(DeviceVisibility.Runtime.NEURON);
        assertThat(inf2.capacity().acceleratorDevices()).isEqualTo(6);
        assertThat(inf2.visibility(List.of(2, 1))).containsEntry("NEURON_RT_VISIBLE_CORES", "2,3,4,5");
    }

    @Test
    void a_cpu_instance_hides_every_accelerator() {
        HostCapacity cpu = CapacityDetector.simulated("ml.m5.xlarge");

        assertThat(cpu.capacity()).extracting(Capacity::acceleratorDevices).isEqualTo(0);
        assertThat(cpu.visibility(List.of())).containsEntry("CUDA_VISIBLE_DEVICES", "");
        assertThatThrownBy(() -> CapacityDetector.simulated("ml.nope.xlarge"))
                .hasMessageContaining("Unknown instance type ml.nope.xlarge");
    }
}
