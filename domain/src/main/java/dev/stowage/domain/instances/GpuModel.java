package dev.stowage.domain.instances;

/** The NVIDIA GPU models found on the SageMaker instance types Stowage supports. */
public enum GpuModel {
    T4,
    A10G,
    L4,
    L40S,
    V100,
    A100,
    H100;

    /** How the catalog names it, for example {@code NVIDIA A10G}. */
    public String displayName() {
        return "NVIDIA " + name();
    }
}
