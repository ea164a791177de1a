package dev.stowage.functions.fleet;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.stowage.domain.fleet.PlacementReactor;
import dev.stowage.functions.metrics.BatchFigures;

/**
 * The placement reactor Lambda, fed by the {@code events} table's stream: every fleet a changed stream concerns is
 * planned again (see {@link FleetStreamHandler} for retries and partial batch failures).
 */
public final class PlacementHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final FleetStreamHandler handler;

    /** Lambda's entry point: the stores come from the environment, once per container. */
    public PlacementHandler() {
        this(FleetWiring.fromEnvironment().placement());
    }

    public PlacementHandler(PlacementReactor reactor) {
        this.handler = new FleetStreamHandler(
                reactor::fleetsOf, reactor::reconcile, BatchFigures.forFunction("placement", "Fleets"));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
