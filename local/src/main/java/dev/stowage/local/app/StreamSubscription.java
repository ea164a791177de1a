package dev.stowage.local.app;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

/**
 * One event source mapping: the stream of {@code tableName} feeds {@code handler}, which reports partial batch
 * failures ({@code batchItemFailures[].itemIdentifier} = the failed record's sequence number).
 */
public record StreamSubscription(String tableName, RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {}
