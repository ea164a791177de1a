package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.functions.dynamodb.EventsTable;
import dev.stowage.local.wiring.StowageApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sagemaker.model.DescribeInferenceComponentResponse;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentCapacitySizeType;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentDeploymentConfig;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;

/**
 * A rolling update through the real SDKs that one of its alarms rolls back: UpdateInferenceComponent with a {@code
 * DeploymentConfig} naming a CloudWatch alarm put through local mode's CloudWatch; the alarm goes into ALARM while
 * the first batch bakes, and the component comes back to its old specification and copies, InService, with the
 * rollback recorded on its stream. Local mode runs at time scale 20.
 */
class RollingUpdateIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = LocalModeExtension.atTimeScale(20);

    private static final String IC = "rolling-ic";
    private static final String ALARM = "rolling-ic-errors";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void an_alarm_in_alarm_rolls_the_update_back() {
        ScalingSetup.endpointWith(STOWAGE, 2, List.of(IC));
        DescribeInferenceComponentResponse before = describe();
        try (CloudWatchClient cloudWatch = STOWAGE.running().cloudWatch()) {
            cloudWatch.putMetricAlarm(b -> b.alarmName(ALARM)
                    .namespace("Stowage/IT")
                    .metricName("Errors")
                    .statistic(Statistic.SUM)
                    .period(10)
                    .evaluationPeriods(1)
                    .threshold(0.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
            InferenceComponentDeploymentConfig rolling = InferenceComponentDeploymentConfig.builder()
                    .rollingUpdatePolicy(
                            p -> p.maximumBatchSize(m -> m.type(InferenceComponentCapacitySizeType.COPY_COUNT)
                                            .value(1))
                                    .waitIntervalInSeconds(3600))
                    .autoRollbackConfiguration(a -> a.alarms(alarm -> alarm.alarmName(ALARM)))
                    .build();

            STOWAGE.sageMaker().updateInferenceComponent(b -> b.inferenceComponentName(IC)
                    .specification(s -> s.computeResourceRequirements(BadRequestsIT.requirements())
                            .container(c -> c.image("stowage/echo").environment(Map.of("VERSION", "2"))))
                    .deploymentConfig(rolling));
            assertThat(describe().inferenceComponentStatus()).isEqualTo(InferenceComponentStatus.UPDATING);
            Eventually.await(
                    WAIT,
                    ALARM + " in ALARM",
                    () -> {
                        cloudWatch.putMetricData(b -> b.namespace("Stowage/IT")
                                .metricData(d -> d.metricName("Errors").value(3.0)));
                        return cloudWatch
                                .describeAlarms(b -> b.alarmNames(ALARM))
                                .metricAlarms()
                                .getFirst()
                                .stateValue();
                    },
                    state -> state == StateValue.ALARM);

            DescribeInferenceComponentResponse after = Eventually.await(
                    WAIT,
                    IC + " back InService",
                    this::describe,
                    ic -> ic.inferenceComponentStatus() == InferenceComponentStatus.IN_SERVICE);

            assertThat(after.specification()).isEqualTo(before.specification());
            assertThat(after.runtimeConfig().currentCopyCount()).isEqualTo(2);
            assertThat(after.lastDeploymentConfig()).isEqualTo(rolling);
            assertThat(rollbackReasons())
                    .containsExactly("The update was rolled back: alarm " + ALARM + " is in ALARM.");
        }
    }

    private DescribeInferenceComponentResponse describe() {
        return STOWAGE.sageMaker().describeInferenceComponent(b -> b.inferenceComponentName(IC));
    }

    /** The reasons of the rollbacks on the component's stream, read from the events table. */
    private static List<String> rollbackReasons() {
        return STOWAGE
                .dynamoDb()
                .query(b -> b.tableName(StowageApplication.EVENTS_TABLE)
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", EventsTable.STREAM))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("inference-component/" + IC)))
                        .consistentRead(true))
                .items()
                .stream()
                .filter(item -> item.get(EventsTable.TYPE).s().equals("inference-component.update-rolled-back"))
                .map(item -> item.get(EventsTable.DATA).s())
                .map(data -> {
                    try {
                        return new ObjectMapper().readTree(data).path("reason").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
