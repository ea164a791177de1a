package dev.stowage.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.stowage.domain.fleet.CopyAdapter;
import dev.stowage.host.copies.RoutableCopy;
import dev.stowage.host.runtime.CopyLog;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy's adapters kept to its assignment through the container's adapter API (ADR 30). */
class CopyAdaptersTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    @TempDir
    Path dir;

    private HttpServer container;
    private URI base;
    private final List<String> calls = new ArrayList<>();
    private final AtomicInteger failPosts = new AtomicInteger();
    private final List<String> reports = new ArrayList<>();
    private final CopyAdapters.Reports fleet = new CopyAdapters.Reports() {
        @Override
        public boolean loaded(CopyAdapter adapter) {
            reports.add("loaded " + adapter.adapterName() + "@" + adapter.specifiedAt());
            return true;
        }

        @Override
        public boolean failed(CopyAdapter adapter, String reason) {
            reports.add("failed " + adapter.adapterName() + "@" + adapter.specifiedAt() + ": " + reason);
            return true;
        }

        @Override
        public boolean unloaded(String adapterName) {
            reports.add("unloaded " + adapterName);
            return true;
        }
    };

    @BeforeEach
    void start() throws Exception {
        container = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        container.createContext("/adapters", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (calls) {
                    calls.add(exchange.getRequestMethod() + " "
                            + exchange.getRequestURI().getPath() + " " + body);
                }
                boolean fail = exchange.getRequestMethod().equals("POST") && failPosts.getAndDecrement() > 0;
                exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            }
        });
        container.start();
        base = URI.create("http://127.0.0.1:" + container.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        container.stop(0);
    }

    private CopyAdapters adapters() {
        return new CopyAdapters(
                "base-c1", CopyLog.open(dir.resolve("c.log"), Clock.systemUTC()), Duration.ofSeconds(5));
    }

    @Test
    void adapters_are_registered_once_per_specification_and_reported_until_the_fleet_knows() throws Exception {
        CopyAdapters adapters = adapters();
        RoutableCopy routable = new RoutableCopy("base-c1", "base", base);

        adapters.sync(base, List.of(new CopyAdapter("eu", "s3://a/eu/", T0, false)), routable, fleet);
        adapters.sync(base, List.of(new CopyAdapter("eu", "s3://a/eu/", T0, true)), routable, fleet);

        assertThat(calls).containsExactly("POST /adapters {\"name\":\"eu\",\"src\":\"s3://a/eu/\"}");
        assertThat(reports).containsExactly("loaded eu@" + T0);
        assertThat(routable.hasAdapter("eu")).isTrue();
    }

    @Test
    void a_new_artifact_is_registered_again_and_the_adapter_serves_meanwhile() throws Exception {
        CopyAdapters adapters = adapters();
        RoutableCopy routable = new RoutableCopy("base-c1", "base", base);
        adapters.sync(base, List.of(new CopyAdapter("eu", "s3://a/eu/", T0, true)), routable, fleet);

        adapters.sync(base, List.of(new CopyAdapter("eu", "s3://a/eu2/", T1, false)), routable, fleet);

        assertThat(calls).last().isEqualTo("POST /adapters {\"name\":\"eu\",\"src\":\"s3://a/eu2/\"}");
        assertThat(reports).containsExactly("loaded eu@" + T1);
        assertThat(adapters.loaded()).containsEntry("eu", T1);
    }

    @Test
    void an_adapter_no_longer_listed_stops_being_routed_to_is_unregistered_and_reported() throws Exception {
        CopyAdapters adapters = adapters();
        RoutableCopy routable = new RoutableCopy("base-c1", "base", base);
        adapters.sync(base, List.of(new CopyAdapter("eu", "s3://a/eu/", T0, true)), routable, fleet);

        adapters.sync(base, List.of(), routable, fleet);

        assertThat(calls).last().isEqualTo("DELETE /adapters/eu ");
        assertThat(routable.hasAdapter("eu")).isFalse();
        assertThat(reports).containsExactly("unloaded eu");
        assertThat(adapters.loaded()).isEmpty();
    }

    @Test
    void loads_that_keep_failing_are_reported_once_and_not_tried_again_until_a_new_specification() throws Exception {
        CopyAdapters adapters = adapters();
        failPosts.set(100);
        List<CopyAdapter> wanted = List.of(new CopyAdapter("eu", "s3://a/eu/", T0, false));

        for (int i = 0; i < CopyAdapters.FAILURES_BEFORE_REPORT + 2; i++) {
            adapters.sync(base, wanted, null, fleet);
        }

        assertThat(calls).hasSize(CopyAdapters.FAILURES_BEFORE_REPORT);
        assertThat(reports).containsExactly("failed eu@" + T0 + ": POST /adapters answered 500: ");
        failPosts.set(0);
        adapters.sync(base, List.of(new CopyAdapter("eu", "s3://a/eu2/", T1, false)), null, fleet);
        assertThat(reports).last().isEqualTo("loaded eu@" + T1);
    }

    @Test
    void a_failed_load_is_not_routed_to_nor_reported_and_is_tried_again() throws Exception {
        CopyAdapters adapters = adapters();
        RoutableCopy routable = new RoutableCopy("base-c1", "base", base);
        failPosts.set(1);
        List<CopyAdapter> wanted = List.of(new CopyAdapter("eu", "s3://a/eu/", T0, false));

        adapters.sync(base, wanted, routable, fleet);
        assertThat(routable.hasAdapter("eu")).isFalse();
        assertThat(reports).isEmpty();

        adapters.sync(base, wanted, routable, fleet);
        assertThat(routable.hasAdapter("eu")).isTrue();
        assertThat(reports).containsExactly("loaded eu@" + T0);
    }
}
