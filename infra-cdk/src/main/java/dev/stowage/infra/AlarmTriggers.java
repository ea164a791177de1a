package dev.stowage.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * What drives the functions no table stream drives: the EventBridge rule that hands every CloudWatch alarm entering
 * {@code ALARM} to the scaling function (which ignores alarms no policy of ours uses), and the one-minute schedule
 * for what no event announces (a cooldown running out, a host falling silent, an alarm staying in {@code ALARM}).
 */
public final class AlarmTriggers extends Construct {
    public static final String ALARM_SOURCE = "aws.cloudwatch";
    public static final String ALARM_DETAIL_TYPE = "CloudWatch Alarm State Change";

    private final Rule alarmStateChanges;
    private final Rule tick;
    private final Queue deadLetters;

    public AlarmTriggers(Construct scope, String id, JavaFunction scaling, List<JavaFunction> everyMinute) {
        super(scope, id);
        this.deadLetters = DeadLetters.queue(this, "DeadLetters");
        this.alarmStateChanges = Rule.Builder.create(this, "AlarmStateChanges")
                .description("CloudWatch alarms entering ALARM, to the Stowage scaling function")
                .eventPattern(EventPattern.builder()
                        .source(List.of(ALARM_SOURCE))
                        .detailType(List.of(ALARM_DETAIL_TYPE))
                        .detail(Map.of("state", Map.of("value", List.of("ALARM"))))
                        .build())
                .targets(List.of(LambdaFunction.Builder.create(scaling.alias())
                        .retryAttempts(8)
                        .maxEventAge(Duration.hours(1))
                        .deadLetterQueue(deadLetters)
                        .build()))
                .build();
        this.tick = Rule.Builder.create(this, "Tick")
                .description("Stowage's one-minute tick: fleets and alarms that stay in ALARM")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(everyMinute.stream()
                        .map(f -> (IRuleTarget) LambdaFunction.Builder.create(f.alias())
                                .retryAttempts(0)
                                .build())
                        .toList())
                .build();
    }

    public Rule alarmStateChanges() {
        return alarmStateChanges;
    }

    public Rule tick() {
        return tick;
    }

    public Queue deadLetters() {
        return deadLetters;
    }
}
