package dev.stowage.domain.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.domain.instances.AcceleratorKind.Neuron;
import dev.stowage.domain.instances.AcceleratorKind.NvidiaGpu;
import org.junit.jupiter.api.Test;

class InstanceTypeCsvTest {

    @Test
    void reads_rows_after_comments_and_the_header() {
        String csv = "# a comment\n" + InstanceTypeCsv.HEADER + "\n\nml.g5.xlarge,4,16,nvidia-a10g,1,24\n"
                + "ml.p3.2xlarge,8,61,nvidia-v100,1,16\nml.inf2.xlarge,4,16,inferentia2,1,32\n";

        assertThat(InstanceTypeCsv.parse(csv))
                .containsExactly(
                        new InstanceType("ml.g5.xlarge", 4, 16_384, new NvidiaGpu(GpuModel.A10G), 1, 24_576),
                        new InstanceType("ml.p3.2xlarge", 8, 62_464, new NvidiaGpu(GpuModel.V100), 1, 16_384),
                        new InstanceType("ml.inf2.xlarge", 4, 16_384, Neuron.AWS_INFERENTIA2, 1, 32_768));
    }

    @Test
    void refuses_a_bad_row_naming_its_line() {
        String csv = InstanceTypeCsv.HEADER + "\nml.g5.xlarge,4,16,nvidia-b200,1,24\n";

        assertThatThrownBy(() -> InstanceTypeCsv.parse(csv)).hasMessage("Line 2: Unknown accelerator \"nvidia-b200\".");
    }

    @Test
    void refuses_accelerator_counts_on_a_cpu_type() {
        String csv = InstanceTypeCsv.HEADER + "\nml.m5.large,2,8,none,1,0\n";

        assertThatThrownBy(() -> InstanceTypeCsv.parse(csv)).hasMessageStartingWith("Line 2: ml.m5.large must have");
    }

    @Test
    void accelerator_tokens_round_trip() {
        for (GpuModel model : GpuModel.values()) {
            NvidiaGpu gpu = new NvidiaGpu(model);
            assertThat(AcceleratorKind.fromToken(gpu.token())).isEqualTo(gpu);
        }
        for (Neuron neuron : Neuron.values()) {
            assertThat(AcceleratorKind.fromToken(neuron.token())).isEqualTo(neuron);
        }
        assertThat(AcceleratorKind.fromToken("none")).isEqualTo(AcceleratorKind.NONE);
    }

    @Test
    void neuron_chips_carry_their_cores() {
        assertThat(Neuron.AWS_INFERENTIA.neuronCoresPerDevice()).isEqualTo(4);
        assertThat(Neuron.AWS_INFERENTIA2.neuronCoresPerDevice()).isEqualTo(2);
        assertThat(Neuron.AWS_TRAINIUM.neuronCoresPerDevice()).isEqualTo(2);
        assertThat(new NvidiaGpu(GpuModel.H100).displayName()).isEqualTo("NVIDIA H100");
    }
}
