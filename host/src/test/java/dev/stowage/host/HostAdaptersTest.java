package dev.stowage.host;

import static dev.stowage.host.HostFixtures.COPY_1;
import static dev.stowage.host.HostFixtures.await;
import static dev.stowage.host.HostFixtures.config;
import static dev.stowage.host.HostFixtures.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.fleet.CopyAdapter;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.metrics.InMemoryMetrics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host keeps its copies' adapters to their assignments (ADR 30), on {@code stowage/echo}, which takes adapters. */
class HostAdaptersTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private final FakeFleet fleet = new FakeFleet();
    private InferenceHost host;

    @AfterEach
    void closeHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void a_new_copy_serves_with_its_adapters_loaded_and_reported_and_unloads_one_no_longer_listed() {
        fleet.assign(scheduled(COPY_1, "stowage/echo"));
        fleet.setAdapters(COPY_1, List.of(new CopyAdapter("eu", "s3://adapters/eu/", T0, false)));
        host = new InferenceHost(config(dir), fleet, new InMemoryMetrics(), new NoRoutes());
        host.start();

        await("copy serving", () -> host.copies().get(COPY_1).isPresent());
        RoutableCopy copy = host.copies().get(COPY_1).orElseThrow();
        assertThat(copy.hasAdapter("eu")).as("loaded before it serves").isTrue();
        assertThat(fleet.adaptersLoaded()).first().isEqualTo(COPY_1 + "/eu@" + T0);
        assertThat(host.copies().serving("eu")).containsExactly(copy);

        fleet.setAdapters(COPY_1, List.of());
        await("adapter unloaded", () -> fleet.adaptersLoaded().contains(COPY_1 + "/eu unloaded"));
        assertThat(copy.hasAdapter("eu")).isFalse();
        assertThat(host.copies().serving("eu")).isEmpty();
    }
}
