package dev.stowage.host.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.dockerjava.api.model.Device;
import dev.stowage.host.runtime.CopyLog;
import dev.stowage.host.runtime.Launch;
import dev.stowage.host.runtime.Launches;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a copy's container is asked for: devices, limits, environment, name and labels, without an engine. */
class ContainerRequestTest {
    @TempDir
    Path dir;

    @Test
    void nvidia_devices_are_one_device_request_for_exactly_the_assigned_indices() {
        ContainerRequest request = request(new Launch.Devices(List.of(0, 2), Launch.Devices.Kind.NVIDIA), true);

        assertThat(request.hostConfig().getDeviceRequests()).singleElement().satisfies(gpus -> {
            assertThat(gpus.getDriver()).isEqualTo("nvidia");
            assertThat(gpus.getDeviceIds()).containsExactly("0", "2");
            assertThat(gpus.getCapabilities()).containsExactly(List.of("gpu"));
            assertThat(gpus.getCount()).isNull();
        });
        assertThat(request.hostConfig().getDevices()).isNullOrEmpty();
    }

    @Test
    void neuron_devices_are_their_device_nodes_at_the_same_paths() {
        ContainerRequest request = request(new Launch.Devices(List.of(1, 3), Launch.Devices.Kind.NEURON), true);

        assertThat(request.hostConfig().getDevices())
                .extracting(Device::getPathOnHost, Device::getPathInContainer, Device::getcGroupPermissions)
                .containsExactly(
                        tuple("/dev/neuron1", "/dev/neuron1", "rwm"), tuple("/dev/neuron3", "/dev/neuron3", "rwm"));
        assertThat(request.hostConfig().getDeviceRequests()).isNullOrEmpty();
    }

    @Test
    void devices_are_accounted_but_not_attached_where_the_host_does_not_attach_them() {
        ContainerRequest request = request(new Launch.Devices(List.of(0), Launch.Devices.Kind.NVIDIA), false);

        assertThat(request.hostConfig().getDeviceRequests()).isNullOrEmpty();
        assertThat(request.hostConfig().getDevices()).isNullOrEmpty();
    }

    @Test
    void the_container_runs_serve_with_the_contracts_variables_and_without_host_device_indices() {
        ContainerRequest request = ContainerRequest.of(
                "stowage",
                Launches.of(
                        "repo/model:1",
                        41234,
                        Map.of("CUDA_VISIBLE_DEVICES", "2", "MODEL_NAME", "m"),
                        dir,
                        CopyLog.open(dir.resolve("c.log"), Clock.systemUTC())),
                true,
                Path.of("/dev"));

        assertThat(request.command()).containsExactly("serve");
        assertThat(request.environment())
                .containsExactly(
                        "MODEL_NAME=m", "SAGEMAKER_BIND_TO_PORT=41234", "SAGEMAKER_SAFE_PORT_RANGE=20000-20999");
        assertThat(request.name()).isEqualTo("stowage.stowage.ep.AllTraffic.i-1.ic-c1");
        assertThat(request.labels())
                .containsExactly(
                        Map.entry("dev.stowage.deployment", "stowage"),
                        Map.entry("dev.stowage.endpoint", "ep"),
                        Map.entry("dev.stowage.variant", "AllTraffic"),
                        Map.entry("dev.stowage.instance", "i-1"),
                        Map.entry("dev.stowage.inference-component", "ic"),
                        Map.entry("dev.stowage.copy", "ic-c1"),
                        Map.entry("dev.stowage.specification", "0123456789ab"));
        assertThat(request.hostConfig().getBinds()).singleElement().satisfies(bind -> {
            assertThat(bind.getPath()).isEqualTo(dir.toAbsolutePath().toString());
            assertThat(bind.getVolume().getPath()).isEqualTo("/opt/ml/model");
            assertThat(bind.getAccessMode().toString()).isEqualTo("ro");
        });
    }

    @Test
    void cores_are_a_quota_and_memory_a_reservation_under_the_limit_without_swap() {
        Launch launch = withCompute(new Launch.Compute(2500, 4096, Optional.of(2048L)));

        var host = ContainerRequest.of("stowage", launch, true, Path.of("/dev")).hostConfig();

        assertThat(host.getNanoCPUs()).isEqualTo(2_500_000_000L);
        assertThat(host.getMemory()).isEqualTo(2048L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(2048L << 20);
        assertThat(host.getMemoryReservation()).as("never above the limit").isEqualTo(2048L << 20);
    }

    private ContainerRequest request(Launch.Devices devices, boolean attach) {
        Launch base = Launches.of("repo/model:1", 41234, Map.of(), null, log());
        Launch launch = new Launch(
                base.copy(),
                base.image(),
                base.port(),
                base.environment(),
                null,
                base.compute(),
                devices,
                false,
                base.log());
        return ContainerRequest.of("stowage", launch, attach, Path.of("/dev"));
    }

    private Launch withCompute(Launch.Compute compute) {
        Launch base = Launches.of("repo/model:1", 41234, Map.of(), null, log());
        return new Launch(
                base.copy(),
                base.image(),
                base.port(),
                base.environment(),
                null,
                compute,
                base.devices(),
                false,
                base.log());
    }

    private CopyLog log() {
        return CopyLog.open(dir.resolve("c.log"), Clock.systemUTC());
    }
}
