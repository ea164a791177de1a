package dev.stowage.host;

import static dev.stowage.host.HostFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.metrics.InMemoryMetrics;
import dev.stowage.testing.ModelArchives;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceHostTest {
    @TempDir
    Path dir;

    private final FakeFleet fleet = new FakeFleet();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private InferenceHost host;

    private InferenceHost start(HostConfig config) {
        host = new InferenceHost(config, fleet, metrics, new NoRoutes());
        host.start();
        return host;
    }

    @AfterEach
    void closeHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void registers_its_address_and_capacity_then_heartbeats() {
        start(config(dir));

        assertThat(fleet.registrations)
                .containsExactly(new FakeFleet.Registration(ENDPOINT, VARIANT, HOST_A, ADDRESS, CAPACITY));
        await("three heartbeats", () -> fleet.heartbeats.get() >= 3);
    }

    @Test
    void loads_a_scheduled_echo_copy_reports_it_loaded_and_serves_invocations() throws Exception {
        fleet.assign(scheduled(COPY_1, "stowage/echo"));
        start(config(dir));

        await("copy loaded", () -> fleet.wasLoaded(COPY_1));
        RoutableCopy copy = host.copies().get(COPY_1).orElseThrow();
        assertThat(copy.inferenceComponentName()).isEqualTo(IC);
        assertThat(copy.state()).isEqualTo(RoutableCopy.State.SERVING);
        assertThat(host.copies().serving(IC)).containsExactly(copy);
        assertThat(ping(copy.baseUrl())).isEqualTo(200);
        HttpResponse<String> response = post(copy.baseUrl(), "application/json", "{\"inputs\":\"hi\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"inputs\":\"hi\"}");
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(dir.resolve("logs").resolve(IC).resolve(COPY_1 + ".log")).exists();
    }

    @Test
    void an_image_that_needs_a_container_engine_fails_with_a_clear_reason() {
        String image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124";
        fleet.assign(scheduled(COPY_1, image));
        start(config(dir));

        await("copy failed", () -> fleet.failure(COPY_1) != null);
        assertThat(fleet.failure(COPY_1).reason())
                .startsWith("Image " + image + " needs a Docker Engine, and this host has no Docker Engine.")
                .endsWith("or use stowage/echo, stowage/llm-sim or process:<command>.");
        assertThat(host.copies().all()).isEmpty();
    }

    @Test
    void a_copy_that_never_answers_ping_within_the_startup_timeout_fails_with_its_log_tail() {
        var spec = container("stowage/llm-sim", Map.of("STOWAGE_LOAD_MS", "3600000"));
        spec.putObject("StartupParameters").put("ContainerStartupHealthCheckTimeoutInSeconds", 30);
        fleet.assign(scheduled(COPY_1, spec, 0));
        start(config(dir));

        await("copy failed", () -> fleet.failure(COPY_1) != null);
        FakeFleet.Failure failure = fleet.failure(COPY_1);
        assertThat(failure.reason())
                .startsWith("The container did not pass the health check (GET /ping) within 30 seconds")
                .contains("last answer: 503");
        assertThat(failure.logTail()).contains("stowage/llm-sim loading for").contains("failed: The container");
        assertThat(fleet.wasLoaded(COPY_1)).isFalse();
    }

    @Test
    void removing_drains_the_requests_in_flight_before_stopping_and_reporting_removed() throws Exception {
        fleet.assign(scheduled(COPY_1, "stowage/echo"));
        start(config(dir).withDrainTimeout(Duration.ofSeconds(600)));
        await("copy loaded", () -> fleet.wasLoaded(COPY_1));
        RoutableCopy copy = host.copies().get(COPY_1).orElseThrow();
        URI base = copy.baseUrl();
        assertThat(copy.tryAcquire()).isTrue();

        fleet.setState(COPY_1, Assignment.State.REMOVING);
        await("copy draining", () -> copy.state() == RoutableCopy.State.DRAINING);
        assertThat(copy.tryAcquire()).isFalse();
        assertThat(host.copies().serving(IC)).isEmpty();
        Thread.sleep(200);
        assertThat(fleet.wasRemoved(COPY_1)).isFalse();
        assertThat(ping(base)).as("still serving the request in flight").isEqualTo(200);

        copy.release();
        await("copy removed", () -> fleet.wasRemoved(COPY_1));
        assertThat(host.copies().all()).isEmpty();
        assertThat(Files.readString(dir.resolve("logs").resolve(IC).resolve(COPY_1 + ".log")))
                .contains("draining: 1 request(s) in flight")
                .contains("stopped");
    }

    @Test
    void a_copy_no_longer_assigned_at_all_is_stopped_without_a_report() {
        fleet.assign(scheduled(COPY_1, "stowage/echo"));
        start(config(dir));
        await("copy loaded", () -> fleet.wasLoaded(COPY_1));
        int reports = fleet.reports();

        fleet.unassign(COPY_1);
        await("copy gone", () -> host.copies().all().isEmpty());
        assertThat(fleet.reports()).isEqualTo(reports);
    }

    @Test
    void a_killed_host_stops_heartbeating_and_its_runtimes_without_reporting() throws Exception {
        fleet.assign(scheduled(COPY_1, "stowage/echo"));
        start(config(dir));
        await("copy loaded", () -> fleet.wasLoaded(COPY_1));
        URI base = host.copies().get(COPY_1).orElseThrow().baseUrl();
        int reports = fleet.reports();

        host.kill();
        int heartbeats = fleet.heartbeats.get();
        Thread.sleep(300);

        assertThat(fleet.heartbeats.get()).isEqualTo(heartbeats);
        assertThat(fleet.reports()).isEqualTo(reports);
        assertThat(host.isRunning()).isFalse();
        assertThat(host.copies().all()).isEmpty();
        Assertions.assertThatThrownBy(() -> ping(base)).isInstanceOf(IOException.class);
    }

    @Test
    void publishes_the_share_of_the_instance_its_copies_reserve() {
        fleet.assign(scheduled(COPY_1, "stowage/echo"));
        fleet.assign(scheduled(COPY_2, container("stowage/echo", Map.of()), 1, 2));
        start(config(dir));
        Map<String, String> dimensions = Reservations.dimensions(ENDPOINT, VARIANT, HOST_A);

        await("reservations published", () -> metrics.latest("GPUReservation", dimensions)
                .isPresent());

        assertThat(metrics.latest("GPUReservation", dimensions).orElseThrow().value())
                .isEqualTo(75.0);
        assertThat(metrics.latest("CPUReservation", dimensions).orElseThrow().value())
                .isCloseTo(100.0 * 8_000 / 92_000, Offset.offset(1e-9));
        assertThat(metrics.latest("MemoryReservation", dimensions).orElseThrow().timestamp())
                .isEqualTo(T0);
    }

    @Test
    void fetches_the_artifact_from_the_bucket_folder_before_starting() throws Exception {
        ModelArchives.write(dir.resolve("buckets/models/model.tar.gz"), Map.of("weights.bin", "weights"));
        var spec = container("stowage/echo", Map.of());
        spec.with("Container").put("ArtifactUrl", "s3://models/model.tar.gz");
        fleet.assign(scheduled(COPY_1, spec, 0));
        start(config(dir));

        await("copy loaded", () -> fleet.wasLoaded(COPY_1));
        assertThat(dir.resolve("work").resolve(HOST_A).resolve(COPY_1).resolve("model/weights.bin"))
                .as("unpacked as SageMaker unpacks model.tar.gz")
                .hasContent("weights");
    }

    @Test
    void a_missing_artifact_fails_the_copy_and_says_where_it_looked() {
        var spec = container("stowage/echo", Map.of());
        spec.with("Container").put("ArtifactUrl", "s3://models/missing.tar.gz");
        fleet.assign(scheduled(COPY_1, spec, 0));
        start(config(dir));

        await("copy failed", () -> fleet.failure(COPY_1) != null);
        assertThat(fleet.failure(COPY_1).reason())
                .startsWith("Could not fetch the model artifact: ")
                .contains("The model artifact s3://models/missing.tar.gz was not found");
    }

    @Test
    void a_copy_removed_while_still_loading_is_abandoned_and_reported_removed() {
        fleet.assign(scheduled(COPY_1, container("stowage/llm-sim", Map.of("STOWAGE_LOAD_MS", "3600000")), 0));
        start(config(dir));
        await("copy loading", () -> Files.exists(dir.resolve("logs").resolve(IC).resolve(COPY_1 + ".log")));

        fleet.setState(COPY_1, Assignment.State.REMOVING);

        await("copy removed", () -> fleet.wasRemoved(COPY_1));
        assertThat(fleet.wasLoaded(COPY_1)).isFalse();
        assertThat(fleet.failure(COPY_1)).isNull();
    }
}
