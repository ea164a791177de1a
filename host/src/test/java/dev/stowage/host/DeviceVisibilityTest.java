package dev.stowage.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceVisibilityTest {

    @Test
    void a_gpu_copy_sees_only_its_devices_in_ascending_order() {
        assertThat(DeviceVisibility.environment(DeviceVisibility.Runtime.CUDA, List.of(3, 2)))
                .isEqualTo(Map.of("CUDA_VISIBLE_DEVICES", "2,3"));
    }

    @Test
    void a_neuron_copy_sees_only_its_cores() {
        assertThat(DeviceVisibility.environment(DeviceVisibility.Runtime.NEURON, List.of(0, 1)))
                .isEqualTo(Map.of("NEURON_RT_VISIBLE_CORES", "0,1"));
    }

    @Test
    void a_copy_without_accelerators_sees_none() {
        assertThat(DeviceVisibility.environment(DeviceVisibility.Runtime.NONE, List.of()))
                .isEqualTo(Map.of("CUDA_VISIBLE_DEVICES", "", "NEURON_RT_VISIBLE_CORES", ""));
    }
}
