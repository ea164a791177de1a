package dev.stowage.local.cloudwatch;

import static dev.stowage.local.cloudwatch.Members.bool;
import static dev.stowage.local.cloudwatch.Members.dimensions;
import static dev.stowage.local.cloudwatch.Members.integer;
import static dev.stowage.local.cloudwatch.Members.number;
import static dev.stowage.local.cloudwatch.Members.text;
import static dev.stowage.local.cloudwatch.Members.texts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmDefinition.ComparisonOperator;
import dev.stowage.domain.alarms.AlarmDefinition.TreatMissingData;
import dev.stowage.domain.metrics.Statistic;
import java.util.Arrays;
import java.util.Optional;

/**
 * A {@code PutMetricAlarm} request read as an {@link AlarmDefinition}, after the model's constraints, with
 * CloudWatch's own checks of a single-metric alarm ({@code ValidationError}): the metric, one of Statistic and
 * ExtendedStatistic, the period (10, 20, 30 or a multiple of 60), at most one day of evaluation, DatapointsToAlarm not
 * above EvaluationPeriods. Metric math ({@code Metrics}) and anomaly-detection thresholds are refused: the local
 * engine evaluates static thresholds only.
 */
final class MetricAlarmRequest {
    private static final int ONE_DAY = 86_400;

    private MetricAlarmRequest() {}

    static AlarmDefinition read(JsonNode body) {
        if (!body.path("Metrics").isMissingNode() && !body.path("Metrics").isNull()) {
            throw CloudWatchErrors.validation(
                    "Metrics (metric math) alarms are not evaluated by Stowage's local CloudWatch; use MetricName.");
        }
        String metricName = required(body, "MetricName");
        String namespace = required(body, "Namespace");
        Statistic statistic = statistic(body);
        int period = integer(body, "Period").orElseThrow(() -> notNull("Period"));
        int evaluationPeriods = integer(body, "EvaluationPeriods").orElseThrow(() -> notNull("EvaluationPeriods"));
        double threshold = number(body, "Threshold").orElseThrow(() -> notNull("Threshold"));
        ComparisonOperator comparison = comparison(body);
        int datapointsToAlarm = integer(body, "DatapointsToAlarm").orElse(evaluationPeriods);
        if (period != 10 && period != 20 && period != 30 && period % 60 != 0) {
            throw CloudWatchErrors.validation("Period must be 10, 20, 30 or a multiple of 60.");
        }
        if ((long) period * evaluationPeriods > ONE_DAY) {
            throw CloudWatchErrors.validation(
                    "Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= 86400)");
        }
        if (datapointsToAlarm > evaluationPeriods) {
            throw CloudWatchErrors.validation("DatapointsToAlarm must be less than or equal to EvaluationPeriods");
        }
        return new AlarmDefinition(
                required(body, "AlarmName"),
                text(body, "AlarmDescription").orElse(""),
                namespace,
                metricName,
                dimensions(body, "Dimensions"),
                statistic,
                text(body, "Unit"),
                period,
                evaluationPeriods,
                datapointsToAlarm,
                threshold,
                comparison,
                treatMissingData(body),
                bool(body, "ActionsEnabled").orElse(true),
                texts(body, "AlarmActions"),
                texts(body, "OKActions"),
                texts(body, "InsufficientDataActions"));
    }

    private static Statistic statistic(JsonNode body) {
        Optional<String> standard = text(body, "Statistic");
        Optional<String> extended = text(body, "ExtendedStatistic");
        if (standard.isPresent() == extended.isPresent()) {
            throw CloudWatchErrors.validation("Exactly one of Statistic and ExtendedStatistic must be set.");
        }
        if (standard.isPresent()) {
            return Statistic.parse(standard.get());
        }
        String percentile = extended.get();
        try {
            Statistic parsed = Statistic.parse(percentile);
            if (parsed.kind() == Statistic.Kind.PERCENTILE) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw CloudWatchErrors.validation("The value " + percentile
                + " for parameter ExtendedStatistic is not supported; use a percentile such as p99.");
    }

    private static ComparisonOperator comparison(JsonNode body) {
        String name = text(body, "ComparisonOperator").orElseThrow(() -> notNull("ComparisonOperator"));
        return Arrays.stream(ComparisonOperator.values())
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> CloudWatchErrors.validation(
                        "ComparisonOperator " + name + " needs an anomaly detection band (ThresholdMetricId), which"
                                + " Stowage's local CloudWatch does not evaluate."));
    }

    private static TreatMissingData treatMissingData(JsonNode body) {
        String name = text(body, "TreatMissingData").orElse("missing");
        return Arrays.stream(TreatMissingData.values())
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> CloudWatchErrors.validation("The value " + name
                        + " for parameter TreatMissingData is not valid: use breaching, notBreaching, ignore or"
                        + " missing."));
    }

    private static String required(JsonNode body, String member) {
        return text(body, member).orElseThrow(() -> notNull(member));
    }

    private static RuntimeException notNull(String member) {
        return CloudWatchErrors.validation(member + " must not be null");
    }
}
