package dev.stowage.functions.dynamodb;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Batches of the {@code events} table's stream as Lambda hands them to a function, for tests. */
public final class StreamRecords {
    private StreamRecords() {}

    public static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    /** The record of an event's insert: its keys only (a consumer must not need the image). */
    public static DynamodbEvent.DynamodbStreamRecord record(String stream, long version, String sequenceNumber) {
        Map<String, AttributeValue> keys = Map.of(
                "stream", new AttributeValue(stream), "version", new AttributeValue().withN(Long.toString(version)));
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withKeys(keys).withSequenceNumber(sequenceNumber));
        return record;
    }

    /** A Lambda context whose logger adds each line to {@code logged}. */
    public static Context context(List<String> logged) {
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logged.add(message);
            }

            @Override
            public void log(byte[] message) {
                logged.add(new String(message, StandardCharsets.UTF_8));
            }
        };
        return (Context) Proxy.newProxyInstance(
                Context.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getLogger") ? logger : null);
    }
}
