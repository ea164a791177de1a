package dev.stowage.host;

import static dev.stowage.host.HostFixtures.ENDPOINT;
import static dev.stowage.host.HostFixtures.HOST_A;
import static dev.stowage.host.HostFixtures.IC;
import static dev.stowage.host.HostFixtures.VARIANT;
import static dev.stowage.host.HostFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.events.Document;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.docker.DockerConnection;
import dev.stowage.host.docker.DockerRuntime;
import dev.stowage.host.docker.RegistryAuth;
import dev.stowage.host.docker.StaticRegistryAuth;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.host.time.TimeScale;
import dev.stowage.testing.docker.DockerEngine;
import dev.stowage.testing.docker.TestImage;
import dev.stowage.testing.docker.TestImages;
import dev.stowage.testing.docker.TestRegistry;
import dev.stowage.testing.docker.TrainedModel;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of real images on the Docker Engine, through a real {@link InferenceHost}: the SageMaker hosting contract
 * with a scikit-learn model from its {@code model.tar.gz}, failures (health check, exit, OOM kill), pulls from a
 * registry with credentials, and a restarted host adopting its containers and removing the others.
 */
@ExtendWith(DockerEngine.class)
class ContainerCopyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOAD = Duration.ofSeconds(90);

    @TempDir
    static Path shared;

    private static TrainedModel model;

    @TempDir
    Path dir;

    private final DockerClient docker = DockerEngine.client();
    private final String deployment = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final FakeFleet fleet = new FakeFleet();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private InferenceHost host;

    @BeforeAll
    static void trainTheModel() throws Exception {
        model = TrainedModel.train(DockerEngine.client(), shared);
    }

    @AfterEach
    void closeHost() {
        if (host != null) {
            host.close();
        }
        containers()
                .forEach(c ->
                        docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    @Test
    void a_byoc_copy_serves_its_models_predictions_as_sagemaker_runs_the_image_and_leaves_no_container()
            throws Exception {
        fleet.assign(copy("copy-1", byoc(), 2));
        host = start(RegistryAuth.ANONYMOUS);

        await("copy loaded", () -> fleet.wasLoaded("copy-1"));
        RoutableCopy copy = host.copies().get("copy-1").orElseThrow();
        assertPredicts(copy);

        InspectContainerResponse container =
                docker.inspectContainerCmd(containers().getFirst().getId()).exec();
        assertThat(container.getConfig().getCmd()).containsExactly("serve");
        assertThat(container.getConfig().getEnv())
                .contains("SAGEMAKER_BIND_TO_PORT=" + copy.baseUrl().getPort(), "SAGEMAKER_SAFE_PORT_RANGE=20000-20999")
                .noneMatch(env -> env.startsWith("CUDA_VISIBLE_DEVICES="));
        assertThat(container.getConfig().getLabels())
                .containsEntry("dev.stowage.deployment", deployment)
                .containsEntry("dev.stowage.endpoint", ENDPOINT)
                .containsEntry("dev.stowage.variant", VARIANT)
                .containsEntry("dev.stowage.instance", HOST_A)
                .containsEntry("dev.stowage.inference-component", IC)
                .containsEntry("dev.stowage.copy", "copy-1")
                .containsKey("dev.stowage.specification");
        assertThat(container.getMounts()).singleElement().satisfies(mount -> {
            assertThat(mount.getDestination().getPath()).isEqualTo("/opt/ml/model");
            assertThat(mount.getRW()).isFalse();
        });
        assertThat(container.getHostConfig().getNanoCPUs()).isEqualTo(1_500_000_000L);
        assertThat(container.getHostConfig().getMemoryReservation()).isEqualTo(512L * 1024 * 1024);
        assertThat(container.getHostConfig().getMemory()).isEqualTo(1024L * 1024 * 1024);
        assertThat(container.getHostConfig().getPortBindings().getBindings().values())
                .allSatisfy(bindings ->
                        assertThat(bindings).allMatch(b -> b.getHostIp().equals("127.0.0.1")));
        assertThat(log("copy-1")).contains("Booting worker").contains("GET /ping answered 200: loaded (image");

        host.publishUtilization();
        assertThat(metrics.all())
                .filteredOn(datum -> datum.namespace().equals("/aws/sagemaker/InferenceComponents")
                        && datum.dimensions().equals(Map.of("InferenceComponentName", IC, "ContainerId", "copy-1")))
                .extracting(MetricDatum::name)
                .containsExactlyInAnyOrder("CPUUtilizationNormalized", "MemoryUtilizationNormalized");
        assertThat(metrics.all())
                .filteredOn(datum -> datum.name().equals("MemoryUtilizationNormalized"))
                .allSatisfy(datum -> assertThat(datum.value())
                        .as("a Python server's working set")
                        .isPositive());

        fleet.setState("copy-1", Assignment.State.REMOVING);
        await("copy removed", () -> fleet.wasRemoved("copy-1"));
        assertThat(containers()).isEmpty();
        assertThat(log("copy-1")).contains("stopping container").contains("SIGTERM");
    }

    @Test
    void a_container_that_never_passes_its_health_check_fails_the_copy_with_its_log_tail() throws Exception {
        ObjectNode spec = container(TestImages.ensure(docker, TestImage.UNHEALTHY), Map.of());
        spec.putObject("StartupParameters").put("ContainerStartupHealthCheckTimeoutInSeconds", 4);
        fleet.assign(copy("copy-1", spec));
        host = start(RegistryAuth.ANONYMOUS);

        await("copy failed", () -> fleet.failure("copy-1") != null);
        assertThat(fleet.failure("copy-1").reason())
                .isEqualTo("The container did not pass the health check (GET /ping) within 4 seconds (last answer:"
                        + " 500).");
        assertThat(fleet.failure("copy-1").logTail()).contains("unhealthy: listening on 0.0.0.0:");
        await("container removed", () -> containers().isEmpty());
    }

    @Test
    void a_container_that_exits_after_serving_is_reported_failed_with_its_exit_code() throws Exception {
        fleet.assign(copy(
                "copy-1",
                container(
                        TestImages.ensure(docker, TestImage.EXIT_AFTER_SERVING),
                        Map.of("EXIT_AFTER_INVOCATIONS", "1", "EXIT_CODE", "3"))));
        host = start(RegistryAuth.ANONYMOUS);
        await("copy loaded", () -> fleet.wasLoaded("copy-1"));

        assertThat(post(host.copies().get("copy-1").orElseThrow().baseUrl(), "application/json", "{}")
                        .statusCode())
                .isEqualTo(200);

        await("copy failed", () -> fleet.failure("copy-1") != null);
        assertThat(fleet.failure("copy-1").reason())
                .isEqualTo("The container exited with code 3. It had served; a new copy replaces it.");
        assertThat(host.copies().get("copy-1")).isEmpty();
    }

    @Test
    void a_container_over_its_memory_limit_is_reported_oom_killed() throws Exception {
        ObjectNode spec = container(
                TestImages.ensure(docker, TestImage.EXIT_AFTER_SERVING),
                Map.of("EXIT_AFTER_INVOCATIONS", "1", "EXIT_MODE", "oom"));
        ((ObjectNode) spec.get("ComputeResourceRequirements"))
                .put("MinMemoryRequiredInMb", 32)
                .put("MaxMemoryRequiredInMb", 64);
        fleet.assign(copy("copy-1", spec));
        host = start(RegistryAuth.ANONYMOUS);
        await("copy loaded", () -> fleet.wasLoaded("copy-1"));

        post(host.copies().get("copy-1").orElseThrow().baseUrl(), "application/json", "{}");

        await("copy failed", () -> fleet.failure("copy-1") != null);
        assertThat(fleet.failure("copy-1").reason())
                .isEqualTo("The container was killed for using more memory than its limit (OOM-killed, exit code 137)."
                        + " It had served; a new copy replaces it.");
    }

    @Test
    void an_image_from_a_private_registry_is_pulled_with_its_credentials_and_refused_without_them() throws Exception {
        try (TestRegistry registry = TestRegistry.start()) {
            String image = registry.push(docker, TestImages.ensure(docker, TestImage.UNHEALTHY), "private/model", "v1");
            docker.removeImageCmd(image).exec();
            ObjectNode spec = container(image, Map.of());
            spec.putObject("StartupParameters").put("ContainerStartupHealthCheckTimeoutInSeconds", 2);
            fleet.assign(copy("copy-1", spec));
            host = start(new StaticRegistryAuth(
                    Map.of(registry.address(), new StaticRegistryAuth.Credentials(TestRegistry.USERNAME, "wrong"))));

            await("copy failed", () -> fleet.failure("copy-1") != null);
            assertThat(fleet.failure("copy-1").reason())
                    .startsWith("Could not pull image " + image + ": ")
                    .contains("unauthorized");
            host.close();

            fleet.assign(copy("copy-2", spec));
            host = start(new StaticRegistryAuth(Map.of(
                    registry.address(),
                    new StaticRegistryAuth.Credentials(TestRegistry.USERNAME, registry.password()))));
            // It pulls, starts and fails only the health check: the image came from the registry.
            await("copy-2 failed its health check", () -> fleet.failure("copy-2") != null);
            assertThat(fleet.failure("copy-2").reason()).contains("health check");
            assertThat(log("copy-2")).contains("pulling image " + image).contains("pulled image " + image);
        }
    }

    @Test
    void a_restarted_host_adopts_its_running_containers_and_removes_those_no_copy_owns() throws Exception {
        fleet.assign(copy("copy-1", byoc(), 0));
        fleet.assign(copy("copy-2", byoc(), 1));
        host = start(RegistryAuth.ANONYMOUS);
        await("copies loaded", () -> fleet.wasLoaded("copy-1") && fleet.wasLoaded("copy-2"));
        String survivor = containerOf("copy-1").getId();

        host.crash();
        fleet.unassign("copy-2");
        assertThat(containers()).hasSize(2);
        host = start(RegistryAuth.ANONYMOUS);

        await("copy-1 serves again", () -> host.copies().get("copy-1").isPresent());
        await("copy-2's container removed", () -> containers().size() == 1);
        assertThat(containerOf("copy-1").getId()).isEqualTo(survivor);
        assertThat(log("copy-1")).contains("adopted the running container of copy-1");
        assertPredicts(host.copies().get("copy-1").orElseThrow());
    }

    @Test
    void a_neuron_copy_sees_exactly_its_own_devices() throws Exception {
        Path devices = Files.createDirectories(dir.resolve("dev"));
        for (int i = 0; i < 4; i++) {
            // Stand-ins for /dev/neuron0..3: character devices like /dev/null (1, 3); making them needs root.
            Process mknod = new ProcessBuilder(
                            "mknod", devices.resolve("neuron" + i).toString(), "c", "1", "3")
                    .redirectErrorStream(true)
                    .start();
            assumeTrue(
                    mknod.waitFor() == 0,
                    "making device nodes needs root: "
                            + new String(mknod.getInputStream().readAllBytes()));
        }
        ObjectNode spec = container(TestImages.ensure(docker, TestImage.UNHEALTHY), Map.of());
        spec.putObject("StartupParameters").put("ContainerStartupHealthCheckTimeoutInSeconds", 60);
        fleet.assign(copy("copy-1", spec, 1, 3));
        host = start(RegistryAuth.ANONYMOUS, HostFixtures.NEURON_HOST, true, devices);

        await("container running", () -> containers().stream().anyMatch(c -> "running".equals(c.getState())));
        String id = containers().getFirst().getId();
        String exec = docker.execCreateCmd(id)
                .withCmd("ls", "/dev")
                .withAttachStdout(true)
                .exec()
                .getId();
        var listing = new StringBuilder();
        docker.execStartCmd(exec)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        listing.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                })
                .awaitCompletion();
        assertThat(listing.toString().lines().filter(name -> name.startsWith("neuron")))
                .containsExactly("neuron1", "neuron3");
    }

    private InferenceHost start(RegistryAuth auth) {
        return start(auth, HostFixtures.GPU_HOST, false, Path.of("/dev"));
    }

    private InferenceHost start(RegistryAuth auth, HostCapacity capacity, boolean attachDevices, Path deviceRoot) {
        DockerRuntime engine = new DockerRuntime(
                DockerConnection.open(DockerConnection.DEFAULT_HOST),
                DockerConnection.DEFAULT_HOST,
                deployment,
                attachDevices,
                deviceRoot,
                auth);
        HostConfig config = HostConfig.defaults(ENDPOINT, VARIANT, HOST_A, HostFixtures.ADDRESS, capacity, dir)
                .withTimeScale(TimeScale.REAL_TIME)
                .withIntervals(Duration.ofMillis(100), Duration.ofSeconds(1))
                .withStopGrace(Duration.ofSeconds(5))
                .withArtifactRoot(shared.resolve("buckets"))
                .withContainers(engine);
        InferenceHost started = new InferenceHost(config, fleet, metrics, new NoRoutes());
        started.start();
        return started;
    }

    private ObjectNode byoc() throws Exception {
        Path object =
                shared.resolve("buckets").resolve("models").resolve("sklearn").resolve("model.tar.gz");
        if (!Files.exists(object)) {
            Files.createDirectories(object.getParent());
            Files.copy(model.archive(), object);
        }
        ObjectNode spec = container(TestImages.ensure(docker, TestImage.BYOC_SKLEARN), Map.of());
        ((ObjectNode) spec.get("Container")).put("ArtifactUrl", "s3://models/sklearn/model.tar.gz");
        return spec;
    }

    private static ObjectNode container(String image, Map<String, String> environment) {
        ObjectNode spec = HostFixtures.container(image, environment);
        ObjectNode compute = (ObjectNode) spec.get("ComputeResourceRequirements");
        compute.put("NumberOfCpuCoresRequired", 1.5).put("MinMemoryRequiredInMb", 512);
        compute.put("MaxMemoryRequiredInMb", 1024);
        return spec;
    }

    private static Assignment copy(String copyId, ObjectNode spec, Integer... devices) {
        return new Assignment(copyId, IC, List.of(devices), 1_500, 512, Assignment.State.SCHEDULED, Document.of(spec));
    }

    private void assertPredicts(RoutableCopy copy) throws Exception {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("instances", JSON.valueToTree(model.instances()));
        HttpResponse<String> answer = post(copy.baseUrl(), "application/json", request.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode predictions = JSON.readTree(answer.body()).get("predictions");
        assertThat(predictions).hasSize(model.predictions().size());
        for (int i = 0; i < model.predictions().size(); i++) {
            assertThat(predictions.get(i).asDouble())
                    .isCloseTo(model.predictions().get(i), offset(1e-9));
        }
    }

    private List<Container> containers() {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dev.stowage.deployment", deployment))
                .exec();
    }

    private Container containerOf(String copyId) {
        return containers().stream()
                .filter(c -> copyId.equals(c.getLabels().get("dev.stowage.copy")))
                .findFirst()
                .orElseThrow();
    }

    private String log(String copyId) throws Exception {
        return Files.readString(dir.resolve("logs").resolve(IC).resolve(copyId + ".log"));
    }

    /** Waits for {@code condition}; on a timeout, says what the fleet heard and what the copies' logs say. */
    private void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + LOAD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                try (var files = Files.walk(dir.resolve("logs"))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        logs.append("\n--- ")
                                .append(file.getFileName())
                                .append('\n')
                                .append(Files.readString(file));
                    }
                }
                fail("Timed out waiting until " + what + "; failures " + fleet.failed + logs);
            }
            Thread.sleep(50);
        }
    }
}
