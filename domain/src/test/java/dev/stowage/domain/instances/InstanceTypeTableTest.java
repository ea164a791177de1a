package dev.stowage.domain.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceTypeTableTest {
    private static final InstanceTypeCatalog CATALOG = InstanceTypeCatalog.standard();

    private static InstanceType type(String name) {
        return CATALOG.find(name).orElseThrow();
    }

    @Test
    void renders_one_aligned_line_per_type() {
        String table = InstanceTypeTable.table(
                List.of(type("ml.g5.12xlarge"), type("ml.inf2.48xlarge"), type("ml.m5.large"), type("ml.p3.2xlarge")));

        assertThat(table)
                .isEqualTo(
                        """
                NAME              VCPUS  MEMORY   ACCELERATORS                 ALLOCATABLE
                ml.g5.12xlarge       48  192 GiB  4 × NVIDIA A10G 24 GiB       47 cores, 184 GiB, 4 devices
                ml.inf2.48xlarge    192  768 GiB  12 × AWS Inferentia2 32 GiB  191 cores, 760 GiB, 12 devices
                ml.m5.large           2  8 GiB    -                            1.5 cores, 7 GiB, 0 devices
                ml.p3.2xlarge         8  61 GiB   1 × NVIDIA V100 16 GiB       7 cores, 57 GiB, 1 device
                """);
    }

    @Test
    void renders_the_whole_catalog_one_line_per_type() {
        String table = InstanceTypeTable.table(CATALOG.all());

        assertThat(table.lines()).hasSize(CATALOG.all().size() + 1);
        assertThat(table).contains("8 × NVIDIA H100 80 GiB").contains("1 × NVIDIA L40S 48 GiB");
    }

    @Test
    void renders_the_details_of_a_gpu_type() {
        assertThat(InstanceTypeTable.detail(type("ml.g5.12xlarge")))
                .isEqualTo(
                        """
                ml.g5.12xlarge
                  Family:       g5
                  vCPUs:        48
                  Memory:       192 GiB (196608 MiB)
                  Accelerators: 4 × NVIDIA A10G 24 GiB each
                  Host reserve: 1 vCPU, 8 GiB
                  Allocatable:  47 cores, 184 GiB (188416 MiB), 4 accelerator devices
                """);
    }

    @Test
    void renders_the_neuron_cores_of_a_neuron_type() {
        assertThat(InstanceTypeTable.detail(type("ml.inf1.xlarge")))
                .contains("Accelerators: 1 × AWS Inferentia 8 GiB each, 4 NeuronCores per device (4 in all)")
                .contains("Host reserve: 0.5 vCPU, 1 GiB")
                .endsWith("Allocatable:  3.5 cores, 7 GiB (7168 MiB), 1 accelerator device\n");
    }

    @Test
    void renders_a_cpu_type_without_accelerators() {
        assertThat(InstanceTypeTable.detail(type("ml.c5.large"))).contains("Accelerators: none");
        assertThat(InstanceTypeTable.accelerators(type("ml.c5.large"))).isEqualTo("-");
    }
}
