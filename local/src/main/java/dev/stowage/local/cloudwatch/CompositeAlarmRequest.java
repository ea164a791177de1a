package dev.stowage.local.cloudwatch;

import static dev.stowage.local.cloudwatch.Members.bool;
import static dev.stowage.local.cloudwatch.Members.text;
import static dev.stowage.local.cloudwatch.Members.texts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.alarms.AlarmRule;
import dev.stowage.local.alarms.CompositeAlarm;

/**
 * A {@code PutCompositeAlarm} request read as a {@link CompositeAlarm}, after the model's constraints: the rule must
 * parse ({@link AlarmRule}, CloudWatch's {@code ValidationError} wording). Action suppression is refused: the local
 * engine runs no actions for composite alarms, so there is nothing to suppress.
 */
final class CompositeAlarmRequest {
    private CompositeAlarmRequest() {}

    static CompositeAlarm read(JsonNode body) {
        if (text(body, "ActionsSuppressor").isPresent()) {
            throw CloudWatchErrors.validation(
                    "ActionsSuppressor is not supported by Stowage's local CloudWatch: it runs no composite actions.");
        }
        AlarmRule rule;
        try {
            rule = AlarmRule.parse(text(body, "AlarmRule").orElseThrow(() -> CloudWatchErrors.missing("AlarmRule")));
        } catch (IllegalArgumentException e) {
            throw CloudWatchErrors.validation(e.getMessage());
        }
        return new CompositeAlarm(
                text(body, "AlarmName").orElseThrow(() -> CloudWatchErrors.missing("AlarmName")),
                rule,
                text(body, "AlarmDescription").orElse(""),
                bool(body, "ActionsEnabled").orElse(true),
                texts(body, "AlarmActions"),
                texts(body, "OKActions"),
                texts(body, "InsufficientDataActions"));
    }
}
