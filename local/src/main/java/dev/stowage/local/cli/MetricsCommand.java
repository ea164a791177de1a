package dev.stowage.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stowage metrics [NAME]}: the latest value of each metric a running local Stowage has. */
@Command(name = "metrics", description = "Show the latest metrics of a running local Stowage (e.g. CPUReservation).")
public final class MetricsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Where Stowage listens.")
    String url;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this metric, e.g. GPUReservation.")
    @org.jspecify.annotations.Nullable
    String name;

    @Override
    public Integer call() throws Exception {
        String query = name == null ? "" : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(
                    HttpRequest.newBuilder(URI.create(url + "/stowage/metrics" + query))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("stowage: nothing answers at " + url + "; is './stowage up' running?");
            return 1;
        }
        var out = spec.commandLine().getOut();
        for (JsonNode metric : new ObjectMapper().readTree(response.body()).path("Metrics")) {
            StringBuilder dimensions = new StringBuilder();
            metric.path("Dimensions").properties().forEach(d -> dimensions
                    .append(dimensions.isEmpty() ? "" : " ")
                    .append(d.getKey())
                    .append('=')
                    .append(d.getValue().asText()));
            out.printf(
                    "%-24s %10.2f %-8s %s  (%s)%n",
                    metric.path("MetricName").asText(),
                    metric.path("Value").asDouble(),
                    metric.path("Unit").asText(),
                    dimensions,
                    metric.path("Timestamp").asText());
        }
        out.flush();
        return 0;
    }
}
