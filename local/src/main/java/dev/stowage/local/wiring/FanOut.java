package dev.stowage.local.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Several stream consumers behind one poller. On AWS each has its own event source mapping; locally one poller
 * feeds them all, because DynamoDB Local serves every request on one thread and each poller's reads slow
 * every other request down. A failure anywhere retries the batch from the earliest failed record for all of
 * them, which is harmless because every consumer is idempotent.
 */
final class FanOut implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final List<RequestHandler<DynamodbEvent, StreamsEventResponse>> consumers;

    FanOut(List<RequestHandler<DynamodbEvent, StreamsEventResponse>> consumers) {
        this.consumers = List.copyOf(consumers);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Optional<String> earliest = consumers.stream()
                .flatMap(consumer -> consumer.handleRequest(event, context).getBatchItemFailures().stream())
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .min(Comparator.comparing(BigInteger::new));
        return new StreamsEventResponse(earliest.map(StreamsEventResponse.BatchItemFailure::new).stream()
                .toList());
    }
}
