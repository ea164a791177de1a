package dev.stowage.domain.instances;

import java.util.Locale;

/**
 * What kind of accelerator device an instance type carries.
 *
 * <p>One <em>device</em> is the unit that placement hands out whole: one NVIDIA GPU, or one Neuron chip (an
 * Inferentia, Inferentia2 or Trainium chip with all its NeuronCores). {@code NumberOfAcceleratorDevicesRequired}
 * counts these devices. The service documents the field as "the number of accelerators ... Accelerators include
 * GPUs and AWS Inferentia", i.e. the chip, and publishes nothing that makes it count NeuronCores, so Stowage counts
 * chips; a copy given chip {@code i} of a device with {@code k} cores sees NeuronCores {@code i*k .. i*k+k-1}
 * ({@code NEURON_RT_VISIBLE_CORES}).
 */
public sealed interface AcceleratorKind {

    /** No accelerators: a CPU instance. */
    AcceleratorKind NONE = NoAccelerator.NONE;

    /** How the catalog names one device, for example {@code NVIDIA A10G} or {@code AWS Inferentia2}. */
    String displayName();

    /** NeuronCores on one device; 0 for GPUs and for no accelerator. */
    int neuronCoresPerDevice();

    /** The token the catalog file uses: {@code nvidia-a10g}, {@code inferentia2}, {@code none}. */
    String token();

    /** Reads a catalog token back; the inverse of {@link #token()}. */
    static AcceleratorKind fromToken(String token) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        if (t.equals(NoAccelerator.NONE.token())) {
            return NONE;
        }
        if (t.startsWith(NvidiaGpu.PREFIX)) {
            String model = t.substring(NvidiaGpu.PREFIX.length()).toUpperCase(Locale.ROOT);
            for (GpuModel candidate : GpuModel.values()) {
                if (candidate.name().equals(model)) {
                    return new NvidiaGpu(candidate);
                }
            }
        }
        for (Neuron neuron : Neuron.values()) {
            if (neuron.token().equals(t)) {
                return neuron;
            }
        }
        throw new IllegalArgumentException("Unknown accelerator \"" + token + "\".");
    }

    /** One NVIDIA GPU of the given model. */
    record NvidiaGpu(GpuModel model) implements AcceleratorKind {
        private static final String PREFIX = "nvidia-";

        @Override
        public String displayName() {
            return model.displayName();
        }

        @Override
        public int neuronCoresPerDevice() {
            return 0;
        }

        @Override
        public String token() {
            return PREFIX + model.name().toLowerCase(Locale.ROOT);
        }
    }

    /** One AWS Neuron chip and the NeuronCores on it. */
    enum Neuron implements AcceleratorKind {
        /** Inferentia (inf1): 4 NeuronCore-v1 per chip. */
        AWS_INFERENTIA("AWS Inferentia", "inferentia", 4),
        /** Inferentia2 (inf2): 2 NeuronCore-v2 per chip. */
        AWS_INFERENTIA2("AWS Inferentia2", "inferentia2", 2),
        /** Trainium (trn1): 2 NeuronCore-v2 per chip. */
        AWS_TRAINIUM("AWS Trainium", "trainium", 2);

        private final String displayName;
        private final String token;
        private final int coresPerDevice;

        Neuron(String displayName, String token, int coresPerDevice) {
            this.displayName = displayName;
            this.token = token;
            this.coresPerDevice = coresPerDevice;
        }

        @Override
        public String displayName() {
            return displayName;
        }

        @Override
        public int neuronCoresPerDevice() {
            return coresPerDevice;
        }

        @Override
        public String token() {
            return token;
        }
    }

    /** The absence of accelerators; use {@link AcceleratorKind#NONE}. */
    enum NoAccelerator implements AcceleratorKind {
        NONE;

        @Override
        public String displayName() {
            return "none";
        }

        @Override
        public int neuronCoresPerDevice() {
            return 0;
        }

        @Override
        public String token() {
            return "none";
        }
    }
}
