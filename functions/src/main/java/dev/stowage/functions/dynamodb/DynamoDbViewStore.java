package dev.stowage.functions.dynamodb;

import dev.stowage.domain.views.StreamView;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.domain.views.ViewRow;
import dev.stowage.domain.views.ViewStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link ViewStore} on the {@code views} table ({@link ViewsTable}) through the Enhanced Client.
 *
 * <p>Every write is one {@code TransactWriteItems}: a put of the stream's checkpoint item, conditional on
 * its {@code lastVersion} (or on its absence when 0 is expected), plus the put or delete of the row item.
 * A failed condition, or a conflicting concurrent transaction on the same items, cancels both and the
 * write returns false. {@link #load} is a {@code TransactGetItems} of row and checkpoint, so it never sees
 * one written without the other. {@link #list} queries the sparse {@code kind-index} (eventually
 * consistent, as a List may be).
 */
public final class DynamoDbViewStore implements ViewStore {
    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<ViewItem> table;

    public DynamoDbViewStore(DynamoDbEnhancedClient enhanced, String tableName) {
        this.enhanced = enhanced;
        this.table = enhanced.table(tableName, ViewItemSchema.SCHEMA);
    }

    public static DynamoDbViewStore create(DynamoDbClient client, String tableName) {
        return new DynamoDbViewStore(
                DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), tableName);
    }

    @Override
    public Optional<ViewRow> get(ViewKind kind, String name) {
        Key key = key(kind.streamOf(name));
        return ViewItems.toRow(table.getItem(r -> r.key(key).consistentRead(true)));
    }

    @Override
    public StreamView load(String stream) {
        var items = enhanced.transactGetItems(
                r -> r.addGetItem(table, key(stream)).addGetItem(table, key(ViewItems.checkpointId(stream))));
        Optional<ViewRow> row = ViewItems.toRow(items.get(0).getItem(table));
        ViewItem checkpoint = items.get(1).getItem(table);
        Long version = checkpoint == null ? null : checkpoint.getLastVersion();
        return new StreamView(stream, version == null ? 0 : version, row);
    }

    @Override
    public boolean put(ViewRow row, long expectedLastVersion) {
        ViewStore.requireForward(expectedLastVersion, row.lastVersion());
        return write(TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table, checkpointPut(row.stream(), expectedLastVersion, row.lastVersion()))
                .addPutItem(table, ViewItems.toItem(row))
                .build());
    }

    @Override
    public boolean delete(String stream, long expectedLastVersion, long appliedVersion) {
        ViewStore.requireForward(expectedLastVersion, appliedVersion);
        return write(TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table, checkpointPut(stream, expectedLastVersion, appliedVersion))
                .addDeleteItem(table, key(stream))
                .build());
    }

    @Override
    public List<ViewRow> list(ViewKind kind) {
        List<ViewRow> rows = new ArrayList<>();
        table.index(ViewItemSchema.KIND_INDEX)
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(kind.streamType()))))
                .forEach(page ->
                        page.items().forEach(item -> ViewItems.toRow(item).ifPresent(rows::add)));
        return rows;
    }

    private TransactPutItemEnhancedRequest<ViewItem> checkpointPut(String stream, long expected, long applied) {
        Expression condition = expected == 0
                ? Expression.builder()
                        .expression("attribute_not_exists(#id)")
                        .expressionNames(Map.of("#id", ViewsTable.ID))
                        .build()
                : Expression.builder()
                        .expression("#v = :expected")
                        .expressionNames(Map.of("#v", ViewsTable.LAST_VERSION))
                        .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expected))))
                        .build();
        return TransactPutItemEnhancedRequest.builder(ViewItem.class)
                .item(ViewItems.checkpoint(stream, applied))
                .conditionExpression(condition)
                .build();
    }

    private boolean write(TransactWriteItemsEnhancedRequest request) {
        try {
            enhanced.transactWriteItems(request);
            return true;
        } catch (TransactionCanceledException e) {
            if (lostRace(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean lostRace(TransactionCanceledException e) {
        for (CancellationReason reason : e.cancellationReasons()) {
            String code = reason.code();
            if ("ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static Key key(String id) {
        return Key.builder().partitionValue(id).build();
    }
}
