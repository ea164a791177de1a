package dev.stowage.host.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a runtime needs to start one copy of a model.
 *
 * @param copy who the copy is: its fleet, instance, component, id and specification (a container's labels)
 * @param image the specification's {@code Container.Image}
 * @param port the free loopback port to serve on ({@code SAGEMAKER_BIND_TO_PORT})
 * @param environment the copy's environment: its device visibility and the container's {@code Environment}
 * @param artifactDir the folder holding the fetched model artifact ({@code /opt/ml/model}), or null when there is none
 * @param compute the cores and memory placement reserved, and the memory the copy may use at most
 * @param devices the accelerator devices placement assigned, by index, and their kind
 * @param cached whether the image and artifact stay on the host for later copies ({@code DataCacheConfig})
 * @param log where the runtime writes what it says
 */
public record Launch(
        CopyIdentity copy,
        String image,
        int port,
        Map<String, String> environment,
        @Nullable Path artifactDir,
        Compute compute,
        Devices devices,
        boolean cached,
        CopyLog log) {

    public Launch {
        environment = Map.copyOf(environment);
    }

    /**
     * Who a copy is, as a restarted host recognises its containers.
     *
     * @param specification a digest of the specification the copy runs, so an adopted container runs the right one
     */
    public record CopyIdentity(
            String endpointName,
            String variantName,
            String instanceId,
            String inferenceComponentName,
            String copyId,
            String specification) {}

    /**
     * @param milliCores {@code NumberOfCpuCoresRequired}, in thousandths of a core
     * @param memoryMib {@code MinMemoryRequiredInMb}: what placement reserved
     * @param maxMemoryMib {@code MaxMemoryRequiredInMb}: the most the copy may use, when given
     */
    public record Compute(long milliCores, long memoryMib, Optional<Long> maxMemoryMib) {}

    /** The devices a copy may use: their indices on the instance and what they are. */
    public record Devices(List<Integer> indices, Kind kind) {
        public static final Devices NONE = new Devices(List.of(), Kind.NONE);

        public enum Kind {
            /** NVIDIA GPUs, given to a container by the Engine's device requests. */
            NVIDIA,
            /** AWS Neuron devices, given to a container as {@code /dev/neuron<i>}. */
            NEURON,
            NONE
        }

        public Devices {
            indices = List.copyOf(indices);
        }
    }
}
