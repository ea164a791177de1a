package dev.stowage.functions.fleet;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.functions.dynamodb.WakeUps;
import dev.stowage.functions.metrics.BatchFigures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A stream consumer that reconciles every fleet a change concerns: the placement reactor, or the instance
 * reconciler. A record is only a wake-up: its {@code stream} key names what changed, and the reconciler reads
 * the rest itself. Each fleet is reconciled once per batch; a record whose fleet fails is reported in {@code
 * batchItemFailures} (and logged with its cause), so Lambda (or the local poller) retries from it. Each batch is
 * recorded in {@link BatchFigures}.
 */
public final class FleetStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Function<String, List<FleetKey>> fleetsOf;
    private final Consumer<FleetKey> reconcile;
    private final BatchFigures figures;

    /** A handler that records no figures (local mode). */
    public FleetStreamHandler(Function<String, List<FleetKey>> fleetsOf, Consumer<FleetKey> reconcile) {
        this(fleetsOf, reconcile, BatchFigures.NONE);
    }

    public FleetStreamHandler(
            Function<String, List<FleetKey>> fleetsOf, Consumer<FleetKey> reconcile, BatchFigures figures) {
        this.fleetsOf = fleetsOf;
        this.reconcile = reconcile;
        this.figures = figures;
    }

    /** The fleet a {@code fleet/<endpoint>/<variant>} stream is, and nothing for other streams. */
    public static List<FleetKey> fleetItself(String stream) {
        return StreamIds.typeOf(stream).equals(StreamIds.FLEET) ? List.of(FleetKey.ofStream(stream)) : List.of();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        long started = System.nanoTime();
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<FleetKey> done = new HashSet<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String stream = WakeUps.streamOf(record).orElse(null);
            if (stream == null) {
                continue;
            }
            try {
                for (FleetKey fleet : fleetsOf.apply(stream)) {
                    if (done.add(fleet)) {
                        reconcile.accept(fleet);
                    }
                }
            } catch (RuntimeException e) {
                context.getLogger()
                        .log("Reconciling what " + stream + " concerns failed (the batch is retried from its record): "
                                + e);
                failures.add(new StreamsEventResponse.BatchItemFailure(
                        record.getDynamodb().getSequenceNumber()));
                break;
            }
        }
        figures.batch(
                event.getRecords().size(),
                done.size(),
                !failures.isEmpty(),
                Duration.ofNanos(System.nanoTime() - started));
        return new StreamsEventResponse(failures);
    }
}
