package dev.stowage.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.stowage.domain.app.EventStore;
import dev.stowage.domain.app.StreamIds;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.EndpointView;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.InferenceComponentView;
import dev.stowage.functions.store.WakeUps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoints and inference components the runtime path looks up, kept in memory so an invocation does no
 * DynamoDB read. A miss reads the resource's own stream (consistent); every record of the events stream for it
 * drops the entry, so a change is seen as soon as the stream poller delivers it (within a poll interval). What
 * does not exist is not remembered: the next invocation reads again.
 */
public final class RuntimeDirectory {
    private final EventStore events;
    private final Map<String, EndpointRow> endpoints = new ConcurrentHashMap<>();
    private final Map<String, InferenceComponentRow> components = new ConcurrentHashMap<>();

    public RuntimeDirectory(EventStore events) {
        this.events = events;
    }

    Optional<EndpointRow> endpoint(String name) {
        EndpointRow cached = endpoints.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<EndpointRow> read = EndpointView.describe(events.read(StreamIds.endpoint(name)));
        read.ifPresent(row -> endpoints.put(name, row));
        return read;
    }

    Optional<InferenceComponentRow> component(String name) {
        InferenceComponentRow cached = components.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<InferenceComponentRow> read =
                InferenceComponentView.describe(events.read(StreamIds.inferenceComponent(name)));
        read.ifPresent(row -> components.put(name, row));
        return read;
    }

    /** Forgets what {@code stream} held. */
    void invalidate(String stream) {
        String name = StreamIds.nameOf(stream);
        switch (StreamIds.typeOf(stream)) {
            case StreamIds.ENDPOINT -> endpoints.remove(name);
            case StreamIds.INFERENCE_COMPONENT -> components.remove(name);
            default -> {}
        }
    }

    /** A stream consumer that drops the entries the records' streams name; it never fails. */
    public RequestHandler<DynamodbEvent, StreamsEventResponse> invalidator() {
        return (DynamodbEvent event, Context context) -> {
            event.getRecords().forEach(record -> WakeUps.streamOf(record).ifPresent(this::invalidate));
            return new StreamsEventResponse(List.of());
        };
    }
}
