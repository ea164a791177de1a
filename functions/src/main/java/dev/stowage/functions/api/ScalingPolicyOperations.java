package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.scaling.AutoScaling;
import dev.stowage.domain.scaling.AutoScaling.PolicyCreated;
import dev.stowage.domain.scaling.PolicyType;
import dev.stowage.domain.scaling.ScalableTargetKey;
import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.scaling.ScalingPolicy;
import dev.stowage.events.ScalingEvent.PolicyAlarm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PutScalingPolicy, DeleteScalingPolicy, DescribeScalingPolicies. */
final class ScalingPolicyOperations {
    private static final String NAME = "PolicyName";

    private final AutoScaling autoScaling;
    private final ScalingReads reads;

    ScalingPolicyOperations(AutoScaling autoScaling, ScalingReads reads) {
        this.autoScaling = autoScaling;
        this.reads = reads;
    }

    ObjectNode put(ObjectNode input, String requestId) {
        PolicyCreated created = autoScaling.putPolicy(
                ScalableTargetOperations.key(input),
                Json.requiredText(input, NAME),
                Json.text(input, "PolicyType"),
                Json.document(input, "TargetTrackingScalingPolicyConfiguration"),
                Json.document(input, "StepScalingPolicyConfiguration"),
                input.hasNonNull("PredictiveScalingPolicyConfiguration"),
                requestId);
        ObjectNode output = Json.object().put("PolicyARN", created.policyArn());
        if (!created.alarms().isEmpty()) {
            output.set("Alarms", alarms(created.alarms()));
        }
        return output;
    }

    ObjectNode delete(ObjectNode input, String requestId) {
        autoScaling.deletePolicy(ScalableTargetOperations.key(input), Json.requiredText(input, NAME), requestId);
        return Json.object();
    }

    ObjectNode describe(ObjectNode input) {
        Set<String> names = new HashSet<>();
        input.path("PolicyNames").forEach(name -> names.add(name.asText()));
        List<ObjectNode> all = new ArrayList<>();
        for (Registered target : reads.targets(input)) {
            target.policies().values().stream()
                    .filter(policy -> names.isEmpty() || names.contains(policy.policyName()))
                    .forEach(policy -> all.add(policy(target.target().key(), policy)));
        }
        Paging<ObjectNode> page = Paging.of(all, input);
        ObjectNode output = Json.object();
        ArrayNode items = output.putArray("ScalingPolicies");
        items.addAll(page.items());
        page.nextToken().ifPresent(token -> output.put("NextToken", token));
        return output;
    }

    private static ObjectNode policy(ScalableTargetKey key, ScalingPolicy policy) {
        ObjectNode item = Json.object()
                .put("PolicyARN", policy.policyArn())
                .put(NAME, policy.policyName())
                .put("ServiceNamespace", key.serviceNamespace())
                .put("ResourceId", key.resourceId())
                .put("ScalableDimension", key.scalableDimension())
                .put("PolicyType", policy.policyType().name());
        String member = policy.policyType() == PolicyType.TargetTrackingScaling
                ? "TargetTrackingScalingPolicyConfiguration"
                : "StepScalingPolicyConfiguration";
        item.set(member, policy.configuration().toJson());
        item.set("Alarms", alarms(policy.alarms()));
        item.set("CreationTime", Json.epochSeconds(policy.creationTime()));
        return item;
    }

    private static ArrayNode alarms(List<PolicyAlarm> alarms) {
        ArrayNode list = Json.NODES.arrayNode();
        alarms.forEach(
                alarm -> list.addObject().put("AlarmName", alarm.alarmName()).put("AlarmARN", alarm.alarmArn()));
        return list;
    }
}
