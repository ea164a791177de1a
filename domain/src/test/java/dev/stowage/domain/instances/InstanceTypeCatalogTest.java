package dev.stowage.domain.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceTypeCatalogTest {
    private static final InstanceTypeCatalog CATALOG = InstanceTypeCatalog.standard();

    /** Values from the public EC2 instance type pages (vCPU, memory GiB, accelerators, memory per device GiB). */
    @ParameterizedTest
    @CsvSource({
        "ml.g4dn.xlarge,    4,   16, nvidia-t4,    1,  16",
        "ml.g4dn.12xlarge,  48,  192, nvidia-t4,   4,  16",
        "ml.g5.xlarge,      4,   16, nvidia-a10g,  1,  24",
        "ml.g5.12xlarge,    48,  192, nvidia-a10g, 4,  24",
        "ml.g5.24xlarge,    96,  384, nvidia-a10g, 4,  24",
        "ml.g5.48xlarge,    192, 768, nvidia-a10g, 8,  24",
        "ml.g6.xlarge,      4,   16, nvidia-l4,    1,  24",
        "ml.g6.48xlarge,    192, 768, nvidia-l4,   8,  24",
        "ml.g6e.xlarge,     4,   32, nvidia-l40s,  1,  48",
        "ml.g6e.48xlarge,   192, 1536, nvidia-l40s, 8, 48",
        "ml.p3.2xlarge,     8,   61, nvidia-v100,  1,  16",
        "ml.p3.16xlarge,    64,  488, nvidia-v100, 8,  16",
        "ml.p4d.24xlarge,   96,  1152, nvidia-a100, 8, 40",
        "ml.p4de.24xlarge,  96,  1152, nvidia-a100, 8, 80",
        "ml.p5.48xlarge,    192, 2048, nvidia-h100, 8, 80",
        "ml.inf1.xlarge,    4,   8, inferentia,    1,  8",
        "ml.inf1.24xlarge,  96,  192, inferentia,  16, 8",
        "ml.inf2.xlarge,    4,   16, inferentia2,  1,  32",
        "ml.inf2.48xlarge,  192, 768, inferentia2, 12, 32",
        "ml.trn1.2xlarge,   8,   32, trainium,     1,  32",
        "ml.trn1.32xlarge,  128, 512, trainium,    16, 32",
        "ml.c5.large,       2,   4, none,          0,  0",
        "ml.c5.18xlarge,    72,  144, none,        0,  0",
        "ml.c7i.48xlarge,   192, 384, none,        0,  0",
        "ml.m5.large,       2,   8, none,          0,  0",
        "ml.m6i.32xlarge,   128, 512, none,        0,  0",
        "ml.r5.24xlarge,    96,  768, none,        0,  0",
    })
    void matches_the_public_specifications(
            String name, int vcpus, long memoryGib, String accelerator, int count, long acceleratorGib) {
        InstanceType type = CATALOG.find(name).orElseThrow();

        assertThat(type.vcpus()).isEqualTo(vcpus);
        assertThat(type.memoryMib()).isEqualTo(memoryGib * 1024);
        assertThat(type.accelerator()).isEqualTo(AcceleratorKind.fromToken(accelerator));
        assertThat(type.acceleratorCount()).isEqualTo(count);
        assertThat(type.acceleratorMemoryMib()).isEqualTo(acceleratorGib * 1024);
    }

    @Test
    void neuron_devices_are_chips_with_their_neuron_cores() {
        assertThat(CATALOG.find("ml.inf1.6xlarge").orElseThrow().neuronCores()).isEqualTo(16);
        assertThat(CATALOG.find("ml.inf2.48xlarge").orElseThrow().neuronCores()).isEqualTo(24);
        assertThat(CATALOG.find("ml.trn1.32xlarge").orElseThrow().neuronCores()).isEqualTo(32);
        assertThat(CATALOG.find("ml.inf2.48xlarge").orElseThrow().allocatable().acceleratorDevices())
                .isEqualTo(12);
        assertThat(CATALOG.find("ml.g5.12xlarge").orElseThrow().neuronCores()).isZero();
    }

    @Test
    void lists_every_supported_family_in_its_sizes() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        List<String> gpuSizes =
                List.of("xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge");
        expected.put("g4dn", List.of("xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"));
        expected.put("g5", gpuSizes);
        expected.put("g6", gpuSizes);
        expected.put("g6e", gpuSizes);
        expected.put("p3", List.of("2xlarge", "8xlarge", "16xlarge"));
        expected.put("p4d", List.of("24xlarge"));
        expected.put("p4de", List.of("24xlarge"));
        expected.put("p5", List.of("4xlarge", "48xlarge"));
        expected.put("inf1", List.of("xlarge", "2xlarge", "6xlarge", "24xlarge"));
        expected.put("inf2", List.of("xlarge", "8xlarge", "24xlarge", "48xlarge"));
        expected.put("trn1", List.of("2xlarge", "32xlarge"));
        expected.put("c5", List.of("large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge"));
        List<String> sixthGen = List.of(
                "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge");
        List<String> seventhGen = List.of(
                "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge");
        expected.put("c6i", sixthGen);
        expected.put("c7i", seventhGen);
        expected.put("m5", List.of("large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"));
        expected.put("m6i", sixthGen);
        expected.put("m7i", seventhGen);
        expected.put("r5", List.of("large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"));

        assertThat(CATALOG.families()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((family, sizes) -> assertThat(CATALOG.family(family))
                .as(family)
                .extracting(InstanceType::size)
                .containsExactlyElementsOf(sizes));
        assertThat(CATALOG.all())
                .hasSize(expected.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void every_gpu_family_has_one_gpu_model() {
        for (String family : CATALOG.families()) {
            assertThat(CATALOG.family(family).stream()
                            .map(InstanceType::accelerator)
                            .distinct())
                    .as(family)
                    .hasSize(1);
        }
    }

    @Test
    void finds_nothing_for_an_unknown_name() {
        assertThat(CATALOG.find("ml.g5.3xlarge")).isEmpty();
        assertThat(CATALOG.find("g5.xlarge")).isEmpty();
        assertThat(CATALOG.family("x9")).isEmpty();
    }

    @Test
    void is_immutable() {
        assertThatThrownBy(() -> CATALOG.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refuses_a_type_listed_twice() {
        InstanceType m5 = CATALOG.find("ml.m5.large").orElseThrow();

        assertThatThrownBy(() -> InstanceTypeCatalog.of(List.of(m5, m5))).hasMessage("ml.m5.large is listed twice.");
    }
}
