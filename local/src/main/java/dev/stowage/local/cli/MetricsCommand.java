package dev.stowage.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stowage metrics [--period 60 [--stat Sum] [--periods 1]] [NAME]}: the latest value of each metric a running
 * local Stowage has or, with {@code --period}, one value per period with a CloudWatch statistic.
 */
@Command(
        name = "metrics",
        description = "Show the metrics of a running local Stowage (e.g. CPUReservation, Invocations): the latest"
                + " values, or with --period a statistic per period.")
public final class MetricsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--url",
            description = "Where Stowage listens (default: the running './stowage up', found through its run file).")
    @Nullable
    String url;

    private final RunFiles runFiles;

    /** Finding a running {@code up} through this user's run files when {@code --url} is not given. */
    public MetricsCommand() {
        this(RunFiles.forUser());
    }

    MetricsCommand(RunFiles runFiles) {
        this.runFiles = runFiles;
    }

    @Option(names = "--period", description = "Seconds per period; shows statistics instead of latest values.")
    @Nullable
    Integer period;

    @Option(
            names = "--stat",
            defaultValue = "Sum",
            description = "Sum, Average, Minimum, Maximum, SampleCount or a percentile such as p99.")
    String stat;

    @Option(names = "--periods", defaultValue = "1", description = "How many periods back, the current one included.")
    int periods;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this metric, e.g. GPUReservation.")
    @Nullable
    String name;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (name != null) {
            Optional<String> refusal = MetricName.refusal(name);
            if (refusal.isPresent()) {
                err.println("stowage metrics: " + refusal.get());
                return OneLineErrors.USAGE;
            }
        }
        String url;
        try {
            url = runFiles.url(this.url);
        } catch (RunFiles.NotFound e) {
            err.println("stowage metrics: " + e.getMessage());
            return 1;
        }
        String query = query();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(
                    HttpRequest.newBuilder(URI.create(url + "/stowage/metrics" + query))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("stowage metrics: nothing answers at " + url + "; is './stowage up' running?");
            return 1;
        }
        JsonNode body = new ObjectMapper().readTree(response.body());
        if (response.statusCode() != 200) {
            err.println("stowage metrics: " + body.path("message").asText());
            return 1;
        }
        var out = spec.commandLine().getOut();
        for (JsonNode metric : body.path("Metrics")) {
            StringBuilder dimensions = new StringBuilder();
            metric.path("Dimensions").properties().forEach(d -> dimensions
                    .append(dimensions.isEmpty() ? "" : " ")
                    .append(d.getKey())
                    .append('=')
                    .append(d.getValue().asText()));
            if (period != null) {
                for (JsonNode point : metric.path("Datapoints")) {
                    out.printf(
                            "%-28s %-12s %14.2f %-12s %s  (%s)%n",
                            metric.path("MetricName").asText(),
                            stat,
                            point.path("Value").asDouble(),
                            metric.path("Unit").asText(),
                            dimensions,
                            point.path("Timestamp").asText());
                }
                continue;
            }
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

    private String query() {
        StringBuilder query = new StringBuilder();
        if (period != null) {
            query.append("&period=").append(period).append("&periods=").append(periods);
            query.append("&stat=").append(URLEncoder.encode(stat, StandardCharsets.UTF_8));
        }
        if (name != null) {
            query.append("&name=").append(URLEncoder.encode(name, StandardCharsets.UTF_8));
        }
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }
}
