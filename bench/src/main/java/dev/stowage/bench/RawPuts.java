package dev.stowage.bench;

import dev.stowage.functions.dynamodb.EventsTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline: one conditional {@code PutItem} ({@code attribute_not_exists}) per iteration, of an item shaped like
 * an event item (same attributes, a data payload of about the size of an InferenceComponentCreated event), into a
 * table shaped like {@code events} (same keys, stream on) in the same DynamoDB Local, through the same kind of
 * client. Each put starts a new stream at version 1, as creating an inference component does.
 */
final class RawPuts {
    static final String OPERATION = "PutItem (raw)";
    static final String TABLE = "bench-raw";

    private static final String DATA = "{\"inferenceComponentName\":\"%s\",\"endpointName\":\"bench-endpoint\","
            + "\"variantName\":\"AllTraffic\",\"specification\":{\"ModelName\":\"bench-model\","
            + "\"ComputeResourceRequirements\":{\"NumberOfAcceleratorDevicesRequired\":1.0,"
            + "\"MinMemoryRequiredInMb\":1024}},\"copyCount\":1,\"at\":\"2026-11-25T10:00:00Z\"}";

    private final DynamoDbClient client;
    private final Probe probe;

    RawPuts(DynamoDbClient client, Probe probe) {
        this.client = client;
        this.probe = probe;
        new EventsTable(TABLE).createIfMissing(client);
    }

    /** A step that puts one item per iteration; {@code run} keeps the keys of different runs apart. */
    Load.Step step(String run) {
        return (thread, iteration, latencies) -> {
            String stream = "raw-" + run + "-" + thread + "-" + iteration;
            latencies.time(OPERATION, () -> probe.during(OPERATION, () -> put(stream)));
        };
    }

    private Object put(String stream) {
        return client.putItem(request -> request.tableName(TABLE)
                .item(Map.of(
                        EventsTable.STREAM, AttributeValue.fromS(stream),
                        EventsTable.VERSION, AttributeValue.fromN("1"),
                        EventsTable.TYPE, AttributeValue.fromS("inference-component.created"),
                        EventsTable.SCHEMA, AttributeValue.fromN("1"),
                        EventsTable.DATA, AttributeValue.fromS(DATA.formatted(stream)),
                        EventsTable.EVENT_ID, AttributeValue.fromS(stream + "/1"),
                        EventsTable.RECORDED_AT, AttributeValue.fromS("2026-11-25T10:00:00.123Z"),
                        EventsTable.CORRELATION_ID, AttributeValue.fromS("00000000-0000-0000-0000-000000000000"),
                        EventsTable.CAUSATION_ID, AttributeValue.fromS("00000000-0000-0000-0000-000000000000")))
                .conditionExpression("attribute_not_exists(#v)")
                .expressionAttributeNames(Map.of("#v", EventsTable.VERSION)));
    }
}
