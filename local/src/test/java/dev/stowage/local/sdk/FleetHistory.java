package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.local.wiring.StowageApplication;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A fleet stream as stored, read back from the {@code events} table with the DynamoDB client (items {@code stream},
 * {@code version}, {@code type}, {@code data} as JSON) and replayed here, independently of the domain's fold: which
 * copies are live where, with which devices.
 */
final class FleetHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored event: its type ({@code fleet.copy-scheduled}) and its data. */
    record Stored(long version, String type, JsonNode data) {}

    /** A copy holding devices on an instance, from its {@code CopyScheduled} until it is removed, fails or is lost. */
    record LiveCopy(String copyId, String inferenceComponent, String instanceId, List<Integer> devices) {}

    private final List<Stored> events;

    private FleetHistory(List<Stored> events) {
        this.events = events;
    }

    static FleetHistory read(DynamoDbClient dynamoDb, String stream) {
        List<Stored> events = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(StowageApplication.EVENTS_TABLE)
                    .keyConditionExpression("#s = :s")
                    .expressionAttributeNames(Map.of("#s", "stream"))
                    .expressionAttributeValues(
                            Map.of(":s", AttributeValue.builder().s(stream).build()))
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                try {
                    events.add(new Stored(
                            Long.parseLong(item.get("version").n()),
                            item.get("type").s(),
                            JSON.readTree(item.get("data").s())));
                } catch (JsonProcessingException e) {
                    throw new AssertionError("unreadable event data " + item, e);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new FleetHistory(events);
    }

    /** Every event of the stream, in order. */
    List<Stored> all() {
        return List.copyOf(events);
    }

    List<Stored> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /**
     * Replays the stream and fails if a copy is ever scheduled on a device that a live copy on the same instance
     * holds, or on a device the instance does not have; returns the copies live at the end.
     */
    Map<String, LiveCopy> liveCopiesCheckingDevices(int devicesPerInstance) {
        Map<String, LiveCopy> live = new LinkedHashMap<>();
        for (Stored event : events) {
            JsonNode data = event.data();
            switch (event.type()) {
                case "fleet.copy-scheduled" -> {
                    List<Integer> devices = new ArrayList<>();
                    data.path("deviceIndices").forEach(d -> devices.add(d.asInt()));
                    LiveCopy copy = new LiveCopy(
                            data.path("copyId").asText(),
                            data.path("inferenceComponentName").asText(),
                            data.path("instanceId").asText(),
                            List.copyOf(devices));
                    assertThat(devices)
                            .as("devices of %s at version %d", copy.copyId(), event.version())
                            .doesNotHaveDuplicates()
                            .allSatisfy(d -> assertThat(d).isBetween(0, devicesPerInstance - 1));
                    Set<Integer> held = new HashSet<>();
                    live.values().stream()
                            .filter(other -> other.instanceId().equals(copy.instanceId()))
                            .forEach(other -> held.addAll(other.devices()));
                    held.retainAll(devices);
                    assertThat(held)
                            .as(
                                    "devices of %s on %s at version %d held twice, while live copies are %s",
                                    copy.copyId(), copy.instanceId(), event.version(), live.values())
                            .isEmpty();
                    live.put(copy.copyId(), copy);
                }
                case "fleet.copy-removed", "fleet.copy-failed" ->
                    live.remove(data.path("copyId").asText());
                case "fleet.instance-lost", "fleet.instance-retired" -> {
                    String instance = data.path("instanceId").asText();
                    live.values().removeIf(c -> c.instanceId().equals(instance));
                }
                default -> {}
            }
        }
        return live;
    }

    /** The instances holding live copies of {@code inferenceComponent}. */
    static Set<String> instancesOf(Map<String, LiveCopy> live, String inferenceComponent) {
        Set<String> instances = new TreeSet<>();
        live.values().stream()
                .filter(c -> c.inferenceComponent().equals(inferenceComponent))
                .forEach(c -> instances.add(c.instanceId()));
        return instances;
    }
}
