package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.ValidationException;

/**
 * Local mode's CloudWatch with the real {@link CloudWatchClient} (RPC v2 CBOR): metrics fed and read back, alarms
 * put, described, evaluated and deleted, and bad requests refused with CloudWatch's codes. Local mode runs at time
 * scale 20, so a 10 s alarm period is a 0.5 s window.
 */
class CloudWatchIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = LocalModeExtension.atTimeScale(20);

    private static final String NAMESPACE = "Stowage/IT";
    private static final Dimension SERVICE =
            Dimension.builder().name("Service").value("checkout").build();
    private static final Instant MINUTE =
            Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));

    private static CloudWatchClient client;

    private static CloudWatchClient cloudWatch() {
        if (client == null) {
            client = client(RunningStowage.SECRET_KEY);
        }
        return client;
    }

    private static CloudWatchClient client(String secret) {
        return client(secret, new ArrayList<>());
    }

    /** A client that adds the {@code Content-Encoding} of each request it sends to {@code encodings}. */
    private static CloudWatchClient client(String secret, List<String> encodings) {
        ExecutionInterceptor encoding = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                context.httpRequest().firstMatchingHeader("Content-Encoding").ifPresent(encodings::add);
            }
        };
        return CloudWatchClient.builder()
                .endpointOverride(STOWAGE.running().baseUri())
                .region(Region.of(RunningStowage.REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(RunningStowage.ACCESS_KEY, secret)))
                .overrideConfiguration(
                        c -> c.retryStrategy(r -> r.maxAttempts(1)).addExecutionInterceptor(encoding))
                .build();
    }

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void metrics_put_are_read_back_per_period() {
        cloudWatch().putMetricData(b -> b.namespace(NAMESPACE)
                .metricData(
                        d -> d.metricName("Latency")
                                .dimensions(SERVICE)
                                .value(1.0)
                                .unit(StandardUnit.MILLISECONDS)
                                .timestamp(MINUTE.plusSeconds(1)),
                        d -> d.metricName("Latency")
                                .dimensions(SERVICE)
                                .values(2.0, 3.0)
                                .counts(1.0, 2.0)
                                .unit(StandardUnit.MILLISECONDS)
                                .timestamp(MINUTE.plusSeconds(30)),
                        d -> d.metricName("Latency")
                                .dimensions(SERVICE)
                                .value(10.0)
                                .unit(StandardUnit.MILLISECONDS)
                                .timestamp(MINUTE.plusSeconds(61)),
                        d -> d.metricName("Latency")
                                .dimensions(SERVICE)
                                .statisticValues(set -> set.sampleCount(3.0)
                                        .sum(15.0)
                                        .minimum(2.0)
                                        .maximum(8.0))
                                .unit(StandardUnit.MILLISECONDS)
                                .timestamp(MINUTE.plusSeconds(125))));

        GetMetricStatisticsResponse statistics = cloudWatch().getMetricStatistics(b -> b.namespace(NAMESPACE)
                .metricName("Latency")
                .dimensions(SERVICE)
                .startTime(MINUTE)
                .endTime(MINUTE.plusSeconds(180))
                .period(60)
                .statistics(Statistic.SUM, Statistic.MAXIMUM, Statistic.SAMPLE_COUNT));

        assertThat(statistics.label()).isEqualTo("Latency");
        assertThat(statistics.datapoints())
                .extracting(Datapoint::timestamp, Datapoint::sum, Datapoint::maximum, Datapoint::sampleCount)
                .containsExactly(
                        Tuple.tuple(MINUTE, 9.0, 3.0, 4.0),
                        Tuple.tuple(MINUTE.plusSeconds(60), 10.0, 10.0, 1.0),
                        Tuple.tuple(MINUTE.plusSeconds(120), 15.0, 8.0, 3.0));
        assertThat(statistics.datapoints()).allSatisfy(d -> assertThat(d.unit()).isEqualTo(StandardUnit.MILLISECONDS));

        // Percentiles of the first two minutes only: CloudWatch gives none for statistic sets.
        GetMetricDataResponse data = cloudWatch().getMetricData(b -> b.startTime(MINUTE)
                .endTime(MINUTE.plusSeconds(120))
                .metricDataQueries(q -> q.id("p99").metricStat(s -> s.metric(m ->
                                m.namespace(NAMESPACE).metricName("Latency").dimensions(SERVICE))
                        .period(60)
                        .stat("p99"))));
        MetricDataResult result = data.metricDataResults().getFirst();
        assertThat(result.id()).isEqualTo("p99");
        assertThat(result.timestamps()).containsExactly(MINUTE.plusSeconds(60), MINUTE);
        assertThat(result.values()).containsExactly(10.0, 3.0);

        assertThat(cloudWatch()
                        .listMetrics(b -> b.namespace(NAMESPACE).dimensions(f -> f.name("Service")))
                        .metrics())
                .anySatisfy(metric -> {
                    assertThat(metric.metricName()).isEqualTo("Latency");
                    assertThat(metric.dimensions()).containsExactly(SERVICE);
                });
    }

    /** Was refused as "The request body is not a CBOR map." while local mode did not inflate gzipped bodies. */
    @Test
    void a_put_past_the_sdks_compression_threshold_arrives_gzipped_and_is_read() {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            data.add(MetricDatum.builder()
                    .metricName("Bulk")
                    .dimensions(d -> d.name("Padding").value("x".repeat(40)))
                    .value(1.0)
                    .timestamp(MINUTE.plusSeconds(i % 60))
                    .build());
        }
        List<String> encodings = new CopyOnWriteArrayList<>();
        try (CloudWatchClient watched = client(RunningStowage.SECRET_KEY, encodings)) {
            watched.putMetricData(b -> b.namespace(NAMESPACE).metricData(data));
        }

        GetMetricStatisticsResponse statistics = cloudWatch().getMetricStatistics(b -> b.namespace(NAMESPACE)
                .metricName("Bulk")
                .dimensions(d -> d.name("Padding").value("x".repeat(40)))
                .startTime(MINUTE)
                .endTime(MINUTE.plusSeconds(60))
                .period(60)
                .statistics(Statistic.SAMPLE_COUNT));

        assertThat(encodings).containsExactly("gzip");
        assertThat(statistics.datapoints()).extracting(Datapoint::sampleCount).containsExactly(200.0);
    }

    @Test
    void alarms_are_put_described_and_deleted() {
        cloudWatch()
                .putMetricAlarm(
                        alarm("it-described", 60).alarmDescription("load").build());
        cloudWatch().putMetricAlarm(alarm("it-other", 60).build());

        MetricAlarm described = cloudWatch()
                .describeAlarms(b -> b.alarmNames("it-described"))
                .metricAlarms()
                .getFirst();
        assertThat(described.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:it-described");
        assertThat(described.alarmDescription()).isEqualTo("load");
        assertThat(described.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(described.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(described.threshold()).isEqualTo(4.0);
        assertThat(described.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
        assertThat(described.evaluationPeriods()).isEqualTo(3);
        assertThat(described.datapointsToAlarm()).isEqualTo(3);
        assertThat(described.dimensions()).containsExactly(SERVICE);
        assertThat(described.alarmActions()).containsExactly("arn:aws:autoscaling:us-east-1:123456789012:policy");
        assertThat(described.alarmConfigurationUpdatedTimestamp())
                .isBefore(Instant.now().plusSeconds(1));

        assertThat(cloudWatch().describeAlarms(b -> b.alarmNamePrefix("it-")).metricAlarms())
                .extracting(MetricAlarm::alarmName)
                .contains("it-described", "it-other");
        cloudWatch().deleteAlarms(b -> b.alarmNames("it-described", "it-never-was"));
        assertThat(cloudWatch().describeAlarms(b -> b.alarmNamePrefix("it-")).metricAlarms())
                .extracting(MetricAlarm::alarmName)
                .doesNotContain("it-described")
                .contains("it-other");
    }

    @Test
    void an_alarm_goes_to_alarm_after_three_breaching_periods_and_listeners_are_told() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        STOWAGE.running().alarms().addListener(change -> {
            if (change.alarm().alarmName().equals("it-breaching")) {
                told.add(change.state() + " on " + (Thread.currentThread().isVirtual() ? "a virtual thread" : "?"));
            }
        });
        cloudWatch().putMetricAlarm(alarm("it-breaching", 10).build());

        MetricAlarm alarm = null;
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            cloudWatch().putMetricData(b -> b.namespace(NAMESPACE)
                    .metricData(d -> d.metricName("Load").dimensions(SERVICE).value(5.0)));
            alarm = cloudWatch()
                    .describeAlarms(b -> b.alarmNames("it-breaching"))
                    .metricAlarms()
                    .getFirst();
            if (alarm.stateValue() == StateValue.ALARM) {
                break;
            }
            Thread.sleep(50);
        }

        assertThat(alarm).isNotNull();
        assertThat(alarm.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarm.stateReason())
                .startsWith("Threshold Crossed: 3 out of the last 3 datapoints [")
                .endsWith("were greater than the threshold (4.0) (minimum 3 datapoints for INSUFFICIENT_DATA -> ALARM"
                        + " transition).");
        assertThat(new ObjectMapper().readTree(alarm.stateReasonData()).path("recentDatapoints"))
                .hasSize(3);
        Instant toldBy = Instant.now().plusSeconds(5);
        while (told.isEmpty() && Instant.now().isBefore(toldBy)) {
            Thread.sleep(10);
        }
        assertThat(told).containsExactly("ALARM on a virtual thread");
    }

    @Test
    void constraint_violations_are_validation_errors_in_corals_words() {
        long alarms = alarmCount();
        ValidationException noName = catchThrowableOfType(ValidationException.class, () -> cloudWatch()
                .putMetricAlarm(alarm("x", 60).alarmName(null).build()));
        ValidationException zero = catchThrowableOfType(ValidationException.class, () -> cloudWatch()
                .putMetricAlarm(alarm("it-zero", 60).evaluationPeriods(0).build()));
        ValidationException tooMany = catchThrowableOfType(ValidationException.class, () -> cloudWatch()
                .putMetricAlarm(alarm("it-4-of-3", 60).datapointsToAlarm(4).build()));

        assertError(
                noName,
                400,
                "ValidationError",
                "1 validation error detected: Value null at 'alarmName' failed to satisfy constraint: Member must not"
                        + " be null");
        assertError(
                zero,
                400,
                "ValidationError",
                "1 validation error detected: Value '0' at 'evaluationPeriods' failed to satisfy constraint: Member"
                        + " must have value greater than or equal to 1");
        assertError(
                tooMany, 400, "ValidationError", "DatapointsToAlarm must be less than or equal to EvaluationPeriods");
        assertThat(alarmCount()).isEqualTo(alarms);
    }

    @Test
    void bad_metric_requests_get_cloudwatchs_typed_errors() {
        InvalidParameterValueException reserved = catchThrowableOfType(
                InvalidParameterValueException.class, () -> cloudWatch().putMetricData(b -> b.namespace("AWS/SageMaker")
                        .metricData(d -> d.metricName("Invocations").value(1.0))));
        InvalidParameterCombinationException both = catchThrowableOfType(
                InvalidParameterCombinationException.class, () -> cloudWatch().putMetricData(b -> b.namespace(NAMESPACE)
                        .metricData(d -> d.metricName("Load").value(1.0).values(1.0, 2.0))));
        MissingRequiredParameterException none = catchThrowableOfType(
                MissingRequiredParameterException.class, () -> cloudWatch().putMetricData(b -> b.namespace(NAMESPACE)));
        InvalidParameterCombinationException noStatistic =
                catchThrowableOfType(InvalidParameterCombinationException.class, () -> cloudWatch()
                        .getMetricStatistics(b -> statistics(b).statistics((Collection<Statistic>) null)));
        InvalidParameterCombinationException tooLong =
                catchThrowableOfType(InvalidParameterCombinationException.class, () -> cloudWatch()
                        .getMetricStatistics(b -> statistics(b).period(1)));
        InvalidParameterValueException oddPeriod =
                catchThrowableOfType(InvalidParameterValueException.class, () -> cloudWatch()
                        .getMetricStatistics(b -> statistics(b).period(61)));
        InvalidNextTokenException token = catchThrowableOfType(
                InvalidNextTokenException.class, () -> cloudWatch().describeAlarms(b -> b.nextToken("not-a-token")));

        assertError(
                reserved, 400, "InvalidParameterValue", "The value AWS/SageMaker for parameter Namespace is invalid.");
        assertError(
                both,
                400,
                "InvalidParameterCombination",
                "The parameters MetricData.member.1.Value and MetricData.member.1.Values are mutually exclusive and"
                        + " you have specified both.");
        assertError(none, 400, "MissingParameter", "The parameter MetricData is required.");
        assertError(
                noStatistic,
                400,
                "InvalidParameterCombination",
                "At least one of the parameters Statistics and ExtendedStatistics must be specified.");
        assertError(
                tooLong,
                400,
                "InvalidParameterCombination",
                "You have requested up to 86400 datapoints, which exceeds the limit of 1440. You may reduce the"
                        + " datapoints requested by increasing Period, or decreasing the time range.");
        assertError(oddPeriod, 400, "InvalidParameterValue", "The parameter Period must be a multiple of 60.");
        assertError(token, 400, "InvalidNextToken", "The specified NextToken is not valid.");
    }

    @Test
    void a_wrong_signature_is_refused() {
        try (CloudWatchClient wrong = client("not-the-secret")) {
            CloudWatchException refused =
                    catchThrowableOfType(CloudWatchException.class, () -> wrong.listMetrics(b -> {}));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        }
    }

    private static GetMetricStatisticsRequest.Builder statistics(GetMetricStatisticsRequest.Builder b) {
        return b.namespace(NAMESPACE)
                .metricName("Latency")
                .startTime(MINUTE)
                .endTime(MINUTE.plus(Duration.ofDays(1)))
                .period(60)
                .statistics(Statistic.SUM);
    }

    private static long alarmCount() {
        return cloudWatch()
                .describeAlarms(b -> b.maxRecords(100))
                .metricAlarms()
                .size();
    }

    @Test
    void a_composite_alarm_follows_its_rule_over_other_alarms() throws Exception {
        cloudWatch()
                .putMetricAlarm(
                        alarm("it-composite-load", 10).metricName("Queue").build());
        cloudWatch()
                .putMetricAlarm(
                        alarm("it-composite-quiet", 10).metricName("Silence").build());
        String rule = "ALARM(it-composite-load) AND NOT ALARM(\"it-composite-quiet\")";
        cloudWatch().putCompositeAlarm(b -> b.alarmName("it-composite").alarmRule(rule));

        assertThat(cloudWatch()
                        .describeAlarms(b -> b.alarmNames("it-composite"))
                        .compositeAlarms())
                .as("composite alarms are listed only when asked for")
                .isEmpty();
        CompositeAlarm created = composite("it-composite");
        assertThat(created.alarmRule()).isEqualTo(rule);
        assertThat(created.stateValue()).isEqualTo(StateValue.OK);
        assertThat(created.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:it-composite");

        CompositeAlarm composite = created;
        Instant deadline = Instant.now().plusSeconds(20);
        while (composite.stateValue() != StateValue.ALARM && Instant.now().isBefore(deadline)) {
            cloudWatch().putMetricData(b -> b.namespace(NAMESPACE)
                    .metricData(d -> d.metricName("Queue").dimensions(SERVICE).value(9.0)));
            Thread.sleep(50);
            composite = composite("it-composite");
        }
        assertThat(composite.stateValue()).isEqualTo(StateValue.ALARM);

        assertError(
                catchThrowableOfType(
                        ValidationException.class, () -> cloudWatch().putCompositeAlarm(b -> b.alarmName("it-bad-rule")
                                .alarmRule("ALARM(it-composite-load) XOR TRUE"))),
                400,
                "ValidationError",
                "Error in AlarmRule [Unsupported token 'XOR' at char 25]");
        assertError(
                catchThrowableOfType(
                        ValidationException.class, () -> cloudWatch().putCompositeAlarm(b -> b.alarmName("it-bad-rule")
                                .alarmRule("ALARM(it-nope) OR ALARM(it-composite-load)"))),
                400,
                "ValidationError",
                "Could not save the composite alarm as alarms [it-nope] in the alarm rule do not exist");

        cloudWatch().deleteAlarms(b -> b.alarmNames("it-composite"));
        assertThat(cloudWatch()
                        .describeAlarms(b -> b.alarmNamePrefix("it-").alarmTypes(AlarmType.COMPOSITE_ALARM))
                        .compositeAlarms())
                .isEmpty();
    }

    private static CompositeAlarm composite(String name) {
        return cloudWatch()
                .describeAlarms(b -> b.alarmNames(name).alarmTypes(AlarmType.COMPOSITE_ALARM))
                .compositeAlarms()
                .getFirst();
    }

    private static PutMetricAlarmRequest.Builder alarm(String name, int period) {
        return PutMetricAlarmRequest.builder()
                .alarmName(name)
                .namespace(NAMESPACE)
                .metricName("Load")
                .dimensions(SERVICE)
                .statistic(Statistic.SUM)
                .period(period)
                .evaluationPeriods(3)
                .datapointsToAlarm(3)
                .threshold(4.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .alarmActions("arn:aws:autoscaling:us-east-1:123456789012:policy");
    }

    private static void assertError(AwsServiceException error, int status, String code, String message) {
        assertThat(error).isNotNull();
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
