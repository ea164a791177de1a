package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.scaling.ScalableTargetKey;
import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.scaling.ScalingActivity;
import dev.stowage.events.ScalingEvent.NotScaledReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DescribeScalingActivities: newest first; activities that did not scale only with {@code
 * IncludeNotScaledActivities}.
 */
final class ScalingActivityOperations {
    private final ScalingReads reads;

    ScalingActivityOperations(ScalingReads reads) {
        this.reads = reads;
    }

    /** One activity with the target it ran on. */
    private record Run(ScalableTargetKey key, ScalingActivity activity) {}

    ObjectNode describe(ObjectNode input) {
        boolean notScaled = input.path("IncludeNotScaledActivities").asBoolean(false);
        List<Run> all = new ArrayList<>();
        for (Registered target : reads.targets(input)) {
            target.activities().stream()
                    .filter(activity -> notScaled || activity.notScaledReasons().isEmpty())
                    .forEach(activity -> all.add(new Run(target.target().key(), activity)));
        }
        all.sort(Comparator.comparing((Run run) -> run.activity().startTime()).reversed());
        Paging<Run> page = Paging.of(all, input);
        ObjectNode output = Json.object();
        ArrayNode items = output.putArray("ScalingActivities");
        page.items().forEach(run -> items.add(activity(run.key(), run.activity(), notScaled)));
        page.nextToken().ifPresent(token -> output.put("NextToken", token));
        return output;
    }

    private static ObjectNode activity(ScalableTargetKey key, ScalingActivity activity, boolean notScaled) {
        ObjectNode item = Json.object()
                .put("ActivityId", activity.activityId())
                .put("ServiceNamespace", key.serviceNamespace())
                .put("ResourceId", key.resourceId())
                .put("ScalableDimension", key.scalableDimension())
                .put("Description", activity.description())
                .put("Cause", activity.cause());
        item.set("StartTime", Json.epochSeconds(activity.startTime()));
        activity.endTime().ifPresent(end -> item.set("EndTime", Json.epochSeconds(end)));
        item.put("StatusCode", activity.statusCode());
        if (!activity.statusMessage().isEmpty()) {
            item.put("StatusMessage", activity.statusMessage());
        }
        if (!activity.details().isEmpty()) {
            item.put("Details", activity.details());
        }
        if (notScaled && !activity.notScaledReasons().isEmpty()) {
            ArrayNode reasons = item.putArray("NotScaledReasons");
            for (NotScaledReason reason : activity.notScaledReasons()) {
                reasons.addObject()
                        .put("Code", reason.code())
                        .put("MaxCapacity", reason.maxCapacity())
                        .put("MinCapacity", reason.minCapacity())
                        .put("CurrentCapacity", reason.currentCapacity());
            }
        }
        return item;
    }
}
