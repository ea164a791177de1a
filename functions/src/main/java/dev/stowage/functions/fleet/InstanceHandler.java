package dev.stowage.functions.fleet;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.stowage.domain.fleet.InstanceReconciler;
import dev.stowage.functions.config.Environment;
import dev.stowage.functions.ec2.Ec2InstanceProvider;
import dev.stowage.functions.metrics.BatchFigures;

/**
 * The instance reconciler Lambda, fed by the {@code events} table's stream: when a fleet stream changes, the EC2
 * instances it asks for are launched and those it retired are terminated (see {@link Ec2InstanceProvider}).
 */
public final class InstanceHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final FleetStreamHandler handler;

    /** Lambda's entry point: stores, EC2 and the launch settings come from the environment, once per container. */
    public InstanceHandler() {
        this(FleetWiring.fromEnvironment().instances(Ec2InstanceProvider.fromEnvironment(Environment.variables())));
    }

    public InstanceHandler(InstanceReconciler instances) {
        this.handler = new FleetStreamHandler(
                FleetStreamHandler::fleetItself, instances::reconcile, BatchFigures.forFunction("instances", "Fleets"));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
