package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.scaling.AutoScaling;
import dev.stowage.domain.store.ConcurrencyConflict;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.WireError;
import java.util.Map;
import java.util.Optional;

/**
 * The Application Auto Scaling operations Stowage serves (target prefix {@code AnyScaleFrontendService}), for
 * inference components' desired copy counts. Input arrives validated against the trimmed service model; the
 * scalable-target decider enforces the service's rules.
 */
public final class ApplicationAutoScalingApi implements ServiceApi {
    private static final ServiceModel MODEL = ServiceModel.applicationAutoScaling();

    private final Map<String, SageMakerApi.Operation> operations;

    ApplicationAutoScalingApi(AutoScaling autoScaling, ScalingReads reads) {
        var targets = new ScalableTargetOperations(autoScaling, reads);
        var policies = new ScalingPolicyOperations(autoScaling, reads);
        var activities = new ScalingActivityOperations(reads);
        this.operations = Map.of(
                "RegisterScalableTarget", targets::register,
                "DeregisterScalableTarget", targets::deregister,
                "DescribeScalableTargets", (input, id) -> targets.describe(input),
                "PutScalingPolicy", policies::put,
                "DeleteScalingPolicy", policies::delete,
                "DescribeScalingPolicies", (input, id) -> policies.describe(input),
                "DescribeScalingActivities", (input, id) -> activities.describe(input));
    }

    @Override
    public ServiceModel model() {
        return MODEL;
    }

    @Override
    public Optional<ObjectNode> invoke(String operation, ObjectNode input, String requestId) {
        SageMakerApi.Operation handler = operations.get(operation);
        return handler == null ? Optional.empty() : Optional.of(handler.invoke(input, requestId));
    }

    /** Application Auto Scaling has its own not-found, limit and conflict codes. */
    @Override
    public WireError error(CommandRejected rejected) {
        String code =
                switch (rejected.kind()) {
                    case VALIDATION, RESOURCE_IN_USE -> "ValidationException";
                    case NOT_FOUND -> "ObjectNotFoundException";
                    case RESOURCE_LIMIT_EXCEEDED -> "LimitExceededException";
                    case CONFLICT -> "ConcurrentUpdateException";
                };
        return new WireError(code, rejected.getMessage(), 400);
    }

    @Override
    public WireError conflict(ConcurrencyConflict conflict) {
        return new WireError(
                "ConcurrentUpdateException",
                "Concurrent update to the scalable target " + conflict.stream() + "; retry the request.",
                400);
    }
}
