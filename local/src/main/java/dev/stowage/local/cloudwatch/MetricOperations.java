package dev.stowage.local.cloudwatch;

import static dev.stowage.local.cloudwatch.Members.dimensions;
import static dev.stowage.local.cloudwatch.Members.epochSeconds;
import static dev.stowage.local.cloudwatch.Members.instant;
import static dev.stowage.local.cloudwatch.Members.integer;
import static dev.stowage.local.cloudwatch.Members.text;
import static dev.stowage.local.cloudwatch.Members.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.metrics.Aggregation;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.domain.metrics.Statistic;
import dev.stowage.host.metrics.InMemoryMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GetMetricStatistics, GetMetricData and ListMetrics over the local metric store, where the runtime's invocation
 * metrics and PutMetricData's datapoints both go. Periods here are real seconds of the datapoints' timestamps (only
 * alarms run at the time scale).
 */
final class MetricOperations {
    private static final int MAX_STATISTICS_DATAPOINTS = 1440;
    private static final int LIST_PAGE = 500;
    private static final String STATISTICS_SET = "[ Minimum, Maximum, Average, SampleCount, Sum ]";

    private final InMemoryMetrics metrics;
    private final Clock clock;

    MetricOperations(InMemoryMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    void putMetricData(JsonNode body) {
        List<MetricDatum> data = PutMetricDataRequest.read(body, clock.instant());
        data.forEach(metrics::add);
    }

    ObjectNode getMetricStatistics(JsonNode body) {
        List<String> standard = texts(body, "Statistics");
        List<String> extended = texts(body, "ExtendedStatistics");
        if (standard.isEmpty() == extended.isEmpty()) {
            throw CloudWatchErrors.combination(
                    standard.isEmpty()
                            ? "At least one of the parameters Statistics and ExtendedStatistics must be specified."
                            : "The parameters Statistics and ExtendedStatistics are mutually exclusive and you have"
                                    + " specified both.");
        }
        List<Statistic> statistics = new ArrayList<>();
        for (int i = 0; i < standard.size(); i++) {
            statistics.add(standardStatistic(standard.get(i), "Statistics.member." + (i + 1)));
        }
        for (int i = 0; i < extended.size(); i++) {
            statistics.add(percentile(extended.get(i), "ExtendedStatistics.member." + (i + 1)));
        }
        Instant start = instant(body, "StartTime").orElseThrow();
        Instant end = instant(body, "EndTime").orElseThrow();
        Duration period = readPeriod(integer(body, "Period").orElseThrow(), "Period");
        checkRange(start, end);
        long requested = Math.ceilDiv(end.toEpochMilli() - start.toEpochMilli(), period.toMillis());
        if (requested > MAX_STATISTICS_DATAPOINTS) {
            throw CloudWatchErrors.combination("You have requested up to " + requested
                    + " datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by"
                    + " increasing Period, or decreasing the time range.");
        }
        StoredSeries series = new StoredSeries(
                text(body, "Namespace").orElseThrow(),
                text(body, "MetricName").orElseThrow(),
                dimensions(body, "Dimensions"),
                text(body, "Unit"));
        Map<String, ObjectNode> datapoints = new TreeMap<>();
        List<MetricDatum> data = metrics.all();
        for (Statistic statistic : statistics) {
            for (Aggregation.Series read : series.read(data, start, end, period, statistic)) {
                for (Aggregation.Point point : read.points()) {
                    ObjectNode datapoint = datapoints.computeIfAbsent(point.start() + read.unit(), k -> Members.TREE
                            .createObjectNode()
                            .put("Timestamp", epochSeconds(point.start()))
                            .put("Unit", read.unit()));
                    if (statistic.kind() == Statistic.Kind.PERCENTILE) {
                        datapoint
                                .withObjectProperty("ExtendedStatistics")
                                .put(statistic.cloudWatchName(), point.value());
                    } else {
                        datapoint.put(statistic.cloudWatchName(), point.value());
                    }
                }
            }
        }
        ObjectNode out = Members.TREE.createObjectNode().put("Label", series.name());
        datapoints.values().forEach(out.putArray("Datapoints")::add);
        return out;
    }

    ObjectNode getMetricData(JsonNode body) {
        Instant start = instant(body, "StartTime").orElseThrow();
        Instant end = instant(body, "EndTime").orElseThrow();
        checkRange(start, end);
        boolean ascending = text(body, "ScanBy").orElse("TimestampDescending").equals("TimestampAscending");
        List<MetricDatum> data = metrics.all();
        List<ObjectNode> results = new ArrayList<>();
        JsonNode queries = body.path("MetricDataQueries");
        for (int i = 0; i < queries.size(); i++) {
            JsonNode query = queries.get(i);
            String member = "MetricDataQueries.member." + (i + 1);
            if (!text(query, "Expression").isEmpty()) {
                throw CloudWatchErrors.validation("The value of " + member
                        + ".Expression is not evaluated by Stowage's local CloudWatch; use MetricStat.");
            }
            JsonNode stat = query.path("MetricStat");
            if (stat.isMissingNode() || stat.isNull()) {
                throw CloudWatchErrors.validation("The parameter " + member + ".MetricStat is required.");
            }
            if (Members.bool(query, "ReturnData").orElse(true)) {
                results.add(result(query, stat, member, data, start, end, ascending));
            }
        }
        Pages<ObjectNode> page = Pages.of(results, text(body, "NextToken"), Integer.MAX_VALUE);
        ObjectNode out = Members.TREE.createObjectNode();
        page.items().forEach(out.putArray("MetricDataResults")::add);
        out.putArray("Messages");
        return out;
    }

    ObjectNode listMetrics(JsonNode body) {
        Optional<String> namespace = text(body, "Namespace");
        Optional<String> name = text(body, "MetricName");
        List<JsonNode> filters = new ArrayList<>();
        body.path("Dimensions").forEach(filters::add);
        Optional<Instant> activeSince =
                text(body, "RecentlyActive").map(a -> clock.instant().minus(Duration.ofHours(3)));
        Map<String, MetricDatum> metricsByKey = new TreeMap<>();
        for (MetricDatum datum : metrics.all()) {
            if (namespace.map(datum.namespace()::equals).orElse(true)
                    && name.map(datum.name()::equals).orElse(true)
                    && filters.stream().allMatch(f -> matches(f, datum.dimensions()))
                    && activeSince
                            .map(since -> !datum.timestamp().isBefore(since))
                            .orElse(true)) {
                metricsByKey.putIfAbsent(
                        datum.namespace() + "\n" + datum.name() + "\n" + new TreeMap<>(datum.dimensions()), datum);
            }
        }
        Pages<MetricDatum> page = Pages.of(List.copyOf(metricsByKey.values()), text(body, "NextToken"), LIST_PAGE);
        ObjectNode out = Members.TREE.createObjectNode();
        ArrayNode list = out.putArray("Metrics");
        for (MetricDatum datum : page.items()) {
            list.addObject()
                    .put("Namespace", datum.namespace())
                    .put("MetricName", datum.name())
                    .set("Dimensions", Members.dimensions(datum.dimensions()));
        }
        page.nextToken().ifPresent(token -> out.put("NextToken", token));
        return out;
    }

    private ObjectNode result(
            JsonNode query,
            JsonNode stat,
            String member,
            List<MetricDatum> data,
            Instant start,
            Instant end,
            boolean ascending) {
        String statName = text(stat, "Stat").orElse("");
        Statistic statistic;
        try {
            statistic = Statistic.parse(statName);
        } catch (IllegalArgumentException e) {
            throw CloudWatchErrors.validation("The value " + statName + " for parameter " + member
                    + ".MetricStat.Stat is not a valid statistic.");
        }
        Duration period = readPeriod(integer(stat, "Period").orElseThrow(), member + ".MetricStat.Period");
        JsonNode metric = stat.path("Metric");
        StoredSeries series = new StoredSeries(
                text(metric, "Namespace").orElse(""),
                text(metric, "MetricName").orElse(""),
                dimensions(metric, "Dimensions"),
                text(stat, "Unit"));
        List<Aggregation.Point> points = new ArrayList<>();
        series.read(data, start, end, period, statistic).forEach(s -> points.addAll(s.points()));
        points.sort(
                ascending
                        ? Comparator.comparing(Aggregation.Point::start)
                        : Comparator.comparing(Aggregation.Point::start).reversed());
        ObjectNode result = Members.TREE
                .createObjectNode()
                .put("Id", text(query, "Id").orElseThrow())
                .put("Label", text(query, "Label").orElse(series.name()));
        ArrayNode timestamps = result.putArray("Timestamps");
        ArrayNode values = result.putArray("Values");
        for (Aggregation.Point point : points) {
            timestamps.add(epochSeconds(point.start()));
            values.add(point.value());
        }
        return result.put("StatusCode", "Complete");
    }

    private static boolean matches(JsonNode filter, Map<String, String> dimensions) {
        String value = dimensions.get(filter.path("Name").asText());
        return value != null && text(filter, "Value").map(value::equals).orElse(true);
    }

    private static Statistic standardStatistic(String name, String member) {
        return switch (name) {
            case "Sum", "Average", "Minimum", "Maximum", "SampleCount" -> Statistic.parse(name);
            default ->
                throw CloudWatchErrors.invalidValue(
                        "The parameter " + member + " must be a value in the set " + STATISTICS_SET + ".");
        };
    }

    private static Statistic percentile(String name, String member) {
        try {
            Statistic statistic = Statistic.parse(name);
            if (statistic.kind() == Statistic.Kind.PERCENTILE) {
                return statistic;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw CloudWatchErrors.invalidValue("The value " + name + " for parameter " + member + " is invalid.");
    }

    /** A read period: 1, 5, 10, 30 (high resolution) or a multiple of 60 seconds. */
    private static Duration readPeriod(int seconds, String member) {
        if (seconds != 1 && seconds != 5 && seconds != 10 && seconds != 30 && seconds % 60 != 0) {
            throw CloudWatchErrors.invalidValue("The parameter " + member + " must be a multiple of 60.");
        }
        return Duration.ofSeconds(seconds);
    }

    private static void checkRange(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw CloudWatchErrors.invalidValue("The parameter StartTime must be less than the parameter EndTime.");
        }
    }
}
