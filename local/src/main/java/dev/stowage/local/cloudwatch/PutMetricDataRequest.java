package dev.stowage.local.cloudwatch;

import static dev.stowage.local.cloudwatch.Members.dimensions;
import static dev.stowage.local.cloudwatch.Members.instant;
import static dev.stowage.local.cloudwatch.Members.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.metrics.MetricDatum;
import dev.stowage.domain.metrics.SampleSummaries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code PutMetricData} request read as datapoints, with CloudWatch's checks; nothing is kept unless every datum
 * passes. A datum has a {@code Value}, or {@code Values} with optional {@code Counts} of the same size (each value
 * standing for as many samples as counted), or a {@code StatisticValues} set (as the host sends on AWS; kept as
 * {@link SampleSummaries#ofStatisticSet}, so its sample count, sum, average, minimum and maximum read back exactly);
 * a {@code Timestamp} (now when absent) and a {@code Unit} ({@code None} when absent). Namespaces starting with
 * {@code AWS/} are reserved for AWS, as on CloudWatch.
 */
final class PutMetricDataRequest {
    private static final int MAX_DATA = 1000;

    private PutMetricDataRequest() {}

    static List<MetricDatum> read(JsonNode body, Instant now) {
        String namespace = text(body, "Namespace").orElseThrow();
        if (namespace.startsWith("AWS/")) {
            throw CloudWatchErrors.invalidValue("The value " + namespace + " for parameter Namespace is invalid.");
        }
        JsonNode data = body.path("MetricData");
        if (data.isEmpty()) {
            throw CloudWatchErrors.missing("MetricData");
        }
        if (data.size() > MAX_DATA) {
            throw CloudWatchErrors.invalidValue("The collection MetricData must not have a size greater than 1000.");
        }
        List<MetricDatum> out = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            datum(namespace, data.get(i), "MetricData.member." + (i + 1), now, out);
        }
        return List.copyOf(out);
    }

    private static void datum(String namespace, JsonNode datum, String member, Instant now, List<MetricDatum> out) {
        boolean value = present(datum, "Value");
        boolean values = present(datum, "Values");
        if (value && values) {
            throw exclusive(member, "Values");
        }
        boolean statistics = present(datum, "StatisticValues");
        if (statistics && (value || values)) {
            throw exclusive(member, "StatisticValues");
        }
        if (!value && !values && !statistics) {
            throw CloudWatchErrors.missing(member + ".Value");
        }
        String name = text(datum, "MetricName").orElseThrow();
        Map<String, String> dimensions = dimensions(datum, "Dimensions");
        Instant at = instant(datum, "Timestamp").orElse(now);
        String unit = text(datum, "Unit").orElse("None");
        if (statistics) {
            for (double[] weighted : statisticSet(datum.path("StatisticValues"), member + ".StatisticValues")) {
                out.add(new MetricDatum(namespace, name, dimensions, weighted[0], unit, at, weighted[1]));
            }
            return;
        }
        if (value) {
            double v = finite(datum.path("Value"), member + ".Value");
            out.add(new MetricDatum(namespace, name, dimensions, v, unit, at));
            return;
        }
        JsonNode list = datum.path("Values");
        JsonNode counts = datum.path("Counts");
        if (present(datum, "Counts") && counts.size() != list.size()) {
            throw CloudWatchErrors.invalidValue(
                    "The parameters " + member + ".Values and " + member + ".Counts must be of the same size.");
        }
        for (int i = 0; i < list.size(); i++) {
            double v = finite(list.get(i), member + ".Values.member." + (i + 1));
            double times = present(datum, "Counts") ? finite(counts.get(i), member + ".Counts.member." + (i + 1)) : 1;
            if (times < 0) {
                throw CloudWatchErrors.invalidValue("The value " + counts.get(i).asText() + " for parameter " + member
                        + ".Counts.member." + (i + 1) + " is invalid.");
            }
            if (times > 0) {
                out.add(new MetricDatum(namespace, name, dimensions, v, unit, at, times));
            }
        }
    }

    private static List<double[]> statisticSet(JsonNode set, String member) {
        double[] members = new double[4];
        String[] names = {"SampleCount", "Sum", "Minimum", "Maximum"};
        for (int i = 0; i < names.length; i++) {
            if (!present(set, names[i])) {
                throw CloudWatchErrors.missing(member + "." + names[i]);
            }
            members[i] = finite(set.path(names[i]), member + "." + names[i]);
        }
        if (members[0] <= 0) {
            throw CloudWatchErrors.invalidValue(
                    "The value " + members[0] + " for parameter " + member + ".SampleCount is invalid.");
        }
        if (members[2] > members[3]) {
            throw CloudWatchErrors.invalidValue("The parameter " + member + " is invalid: Minimum " + members[2]
                    + " is greater than Maximum " + members[3] + ".");
        }
        return SampleSummaries.ofStatisticSet(members[0], members[1], members[2], members[3]);
    }

    private static double finite(JsonNode node, String member) {
        double v = node.asDouble();
        if (!Double.isFinite(v) || Math.abs(v) > 0x1p360) {
            throw CloudWatchErrors.invalidValue(
                    "The value " + node.asText() + " for parameter " + member + " is invalid.");
        }
        return v;
    }

    private static boolean present(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    private static RuntimeException exclusive(String member, String other) {
        return CloudWatchErrors.combination("The parameters " + member + ".Value and " + member + "." + other
                + " are mutually exclusive and you have specified both.");
    }
}
