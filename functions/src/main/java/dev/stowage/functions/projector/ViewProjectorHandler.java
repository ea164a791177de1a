package dev.stowage.functions.projector;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.stowage.domain.views.Projector;
import dev.stowage.functions.config.Stores;
import dev.stowage.functions.dynamodb.WakeUps;
import dev.stowage.functions.metrics.BatchFigures;

/**
 * The view projector Lambda, fed by the {@code events} table's stream with {@code
 * ReportBatchItemFailures}. A record is a wake-up: only its {@code stream} key is read, never its image,
 * and {@link Projector#catchUp} does the rest, so a stream woken several times in a batch is caught up
 * once. A record whose catch-up fails is reported in {@code batchItemFailures}; Lambda retries from the
 * lowest one reported, and records of other streams before it stay done. A record without a {@code
 * stream} key is not ours and is skipped.
 */
public final class ViewProjectorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final Projector projector;
    private final BatchFigures figures;

    /** Lambda's entry point: the stores come from the environment, once per container; figures as EMF. */
    public ViewProjectorHandler() {
        this(fromEnvironment(), BatchFigures.forFunction("view-projector", "Streams"));
    }

    private static Projector fromEnvironment() {
        Stores stores = Stores.fromEnvironment();
        return new Projector(stores.events(), stores.views());
    }

    /** A handler that records no figures (local mode). */
    public ViewProjectorHandler(Projector projector) {
        this(projector, BatchFigures.NONE);
    }

    public ViewProjectorHandler(Projector projector, BatchFigures figures) {
        this.projector = projector;
        this.figures = figures;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return WakeUps.catchUpEach(event, context, "View projection", projector::catchUp, figures);
    }
}
