package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Local mode's page at {@code GET /stowage/}: the placement map of an endpoint the real SDK created. */
class PlacementPageIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final String ENDPOINT = "page-ep";
    private static final String IC = "page-ic";

    @Test
    void the_page_shows_each_instance_with_the_copy_on_each_device() throws Exception {
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 1);
        ScenarioFleet.component(STOWAGE, ENDPOINT, IC, "stowage/echo", Map.of(), 2);

        HttpResponse<String> page = Eventually.await(
                Duration.ofSeconds(20),
                "two copies loaded and the component InService on the page",
                PlacementPageIT::page,
                // The copies load before the next placement round moves the component to InService (a flake in CI).
                response -> response.body().split("class=\"LOADED\"", -1).length == 3
                        && response.body().contains("<td>" + IC + "</td><td>InService</td>"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("<h2>" + ENDPOINT + " <small>InService</small></h2>")
                .contains("AllTraffic on ml.g5.12xlarge")
                .contains(IC + " " + IC + "-c1]")
                .contains("<td>" + IC + "</td><td>InService</td><td>2</td><td>2</td>")
                .containsPattern("\\[\\d free\\]");
    }

    private static HttpResponse<String> page() {
        URI uri = STOWAGE.running().baseUri().resolve("/stowage/");
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
