package dev.stowage.host.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.stowage.host.DeviceVisibility;
import dev.stowage.host.runtime.Launch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a copy's container is created, as SageMaker runs an inference image: the argument {@code serve}; the
 * container's {@code Environment} plus {@code SAGEMAKER_BIND_TO_PORT} (the copy's port, published on the loopback
 * interface only) and {@code SAGEMAKER_SAFE_PORT_RANGE}; the artifact read-only at {@code /opt/ml/model};
 * {@code NumberOfCpuCoresRequired} as a CPU quota, {@code MinMemoryRequiredInMb} as the memory reservation and
 * {@code MaxMemoryRequiredInMb} as the limit (without swap, so going past it is an OOM kill); and exactly the
 * accelerator devices placement assigned — NVIDIA GPUs by device request ({@code --gpus "device=0,2"}), Neuron
 * devices as {@code /dev/neuron<i>} — when devices are attached (on EC2; local mode accounts for them only).
 *
 * @param deviceRoot where the device nodes are ({@code /dev}; tests use stand-ins)
 */
record ContainerRequest(
        String name,
        String image,
        List<String> command,
        List<String> environment,
        Map<String, String> labels,
        ExposedPort port,
        HostConfig hostConfig) {

    static final String MODEL_DIR = "/opt/ml/model";
    /** Ports a container may use for its own processes: it has its own network namespace, so any range is safe. */
    static final String SAFE_PORT_RANGE = "20000-20999";

    static final String LOG_MAX_SIZE = "10m";

    static ContainerRequest of(String deployment, Launch launch, boolean attachDevices, Path deviceRoot) {
        ExposedPort port = ExposedPort.tcp(launch.port());
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", launch.port()), port))
                .withLogConfig(new LogConfig(
                        LogConfig.LoggingType.JSON_FILE, Map.of("max-size", LOG_MAX_SIZE, "max-file", "2")));
        if (launch.artifactDir() != null) {
            host.withBinds(
                    new Bind(launch.artifactDir().toAbsolutePath().toString(), new Volume(MODEL_DIR), AccessMode.ro));
        }
        Launch.Compute compute = launch.compute();
        if (compute.milliCores() > 0) {
            host.withNanoCPUs(compute.milliCores() * 1_000_000);
        }
        // The engine refuses a reservation above the limit; the limit is what the copy can really have.
        long reserved = Math.min(compute.memoryMib(), compute.maxMemoryMib().orElse(Long.MAX_VALUE));
        if (reserved > 0) {
            host.withMemoryReservation(mib(reserved));
        }
        compute.maxMemoryMib().ifPresent(max -> host.withMemory(mib(max)).withMemorySwap(mib(max)));
        Launch.Devices devices = launch.devices();
        if (attachDevices && !devices.indices().isEmpty()) {
            switch (devices.kind()) {
                case NVIDIA ->
                    host.withDeviceRequests(List.of(new DeviceRequest()
                            .withDriver("nvidia")
                            .withDeviceIds(devices.indices().stream()
                                    .map(String::valueOf)
                                    .toList())
                            .withCapabilities(List.of(List.of("gpu")))));
                case NEURON ->
                    host.withDevices(devices.indices().stream()
                            .map(i -> new Device(
                                    "rwm",
                                    "/dev/neuron" + i,
                                    deviceRoot.resolve("neuron" + i).toString()))
                            .toList());
                case NONE -> {}
            }
        }
        return new ContainerRequest(
                ContainerLabels.name(deployment, launch.copy()),
                launch.image(),
                List.of("serve"),
                environment(launch),
                ContainerLabels.of(deployment, launch.copy()),
                port,
                host);
    }

    /**
     * The container's environment. The host's device-visibility variables name devices by their index on the
     * instance, which means nothing inside a container that sees only its own devices, so they are left out.
     */
    private static List<String> environment(Launch launch) {
        Map<String, String> env = new TreeMap<>(launch.environment());
        env.remove(DeviceVisibility.CUDA);
        env.remove(DeviceVisibility.NEURON);
        env.put("SAGEMAKER_BIND_TO_PORT", String.valueOf(launch.port()));
        env.put("SAGEMAKER_SAFE_PORT_RANGE", SAFE_PORT_RANGE);
        List<String> list = new ArrayList<>();
        env.forEach((name, value) -> list.add(name + "=" + value));
        return list;
    }

    private static long mib(long mib) {
        return mib * 1024 * 1024;
    }
}
