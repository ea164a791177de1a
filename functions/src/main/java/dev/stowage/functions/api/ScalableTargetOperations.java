package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.scaling.AutoScaling;
import dev.stowage.domain.scaling.ScalableTarget;
import dev.stowage.domain.scaling.ScalableTargetKey;
import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.scaling.ScalingCommand.SuspendedStateRequest;
import dev.stowage.events.ScalingEvent.SuspendedState;
import java.util.Optional;

/** RegisterScalableTarget, DeregisterScalableTarget, DescribeScalableTargets. */
final class ScalableTargetOperations {
    private final AutoScaling autoScaling;
    private final ScalingReads reads;

    ScalableTargetOperations(AutoScaling autoScaling, ScalingReads reads) {
        this.autoScaling = autoScaling;
        this.reads = reads;
    }

    ObjectNode register(ObjectNode input, String requestId) {
        String arn = autoScaling.register(
                key(input),
                Json.integer(input, "MinCapacity"),
                Json.integer(input, "MaxCapacity"),
                Json.text(input, "RoleARN"),
                suspended(input.path("SuspendedState")),
                requestId);
        return Json.object().put("ScalableTargetARN", arn);
    }

    ObjectNode deregister(ObjectNode input, String requestId) {
        autoScaling.deregister(key(input), requestId);
        return Json.object();
    }

    ObjectNode describe(ObjectNode input) {
        Paging<Registered> page = Paging.of(reads.targets(input, ScalingReads.resourceIds(input)), input);
        ObjectNode output = Json.object();
        ArrayNode items = output.putArray("ScalableTargets");
        page.items().forEach(registered -> items.add(target(registered.target())));
        page.nextToken().ifPresent(token -> output.put("NextToken", token));
        return output;
    }

    private static ObjectNode target(ScalableTarget target) {
        ObjectNode item = Json.object()
                .put("ServiceNamespace", target.key().serviceNamespace())
                .put("ResourceId", target.key().resourceId())
                .put("ScalableDimension", target.key().scalableDimension())
                .put("MinCapacity", target.minCapacity())
                .put("MaxCapacity", target.maxCapacity())
                .put("RoleARN", target.roleArn());
        item.set("CreationTime", Json.epochSeconds(target.creationTime()));
        SuspendedState suspended = target.suspendedState();
        item.putObject("SuspendedState")
                .put("DynamicScalingInSuspended", suspended.dynamicScalingInSuspended())
                .put("DynamicScalingOutSuspended", suspended.dynamicScalingOutSuspended())
                .put("ScheduledScalingSuspended", suspended.scheduledScalingSuspended());
        item.put("ScalableTargetARN", target.scalableTargetArn());
        return item;
    }

    /** The target a request names by {@code ServiceNamespace}, {@code ResourceId} and {@code ScalableDimension}. */
    static ScalableTargetKey key(JsonNode input) {
        return new ScalableTargetKey(
                Json.requiredText(input, "ServiceNamespace"),
                Json.requiredText(input, "ResourceId"),
                Json.requiredText(input, "ScalableDimension"));
    }

    private static SuspendedStateRequest suspended(JsonNode state) {
        return new SuspendedStateRequest(
                flag(state, "DynamicScalingInSuspended"),
                flag(state, "DynamicScalingOutSuspended"),
                flag(state, "ScheduledScalingSuspended"));
    }

    private static Optional<Boolean> flag(JsonNode state, String member) {
        JsonNode value = state.path(member);
        return value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
    }
}
