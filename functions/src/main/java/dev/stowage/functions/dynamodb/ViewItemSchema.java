package dev.stowage.functions.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The table schema of {@link ViewItem}: a static schema (no reflection, so no bean introspection at
 * Lambda cold start and nothing for the shade plugin to break).
 */
final class ViewItemSchema {
    static final String KIND_INDEX = "kind-index";

    static final StaticTableSchema<ViewItem> SCHEMA = build();

    private ViewItemSchema() {}

    private static StaticTableSchema<ViewItem> build() {
        StaticTableSchema.Builder<ViewItem> builder = StaticTableSchema.builder(ViewItem.class)
                .newItemSupplier(ViewItem::new)
                .addAttribute(String.class, a -> a.name(ViewsTable.ID)
                        .getter(ViewItem::getId)
                        .setter(ViewItem::setId)
                        .tags(primaryPartitionKey(), secondarySortKey(KIND_INDEX)))
                .addAttribute(String.class, a -> a.name(ViewsTable.KIND)
                        .getter(ViewItem::getKind)
                        .setter(ViewItem::setKind)
                        .tags(secondaryPartitionKey(KIND_INDEX)))
                .addAttribute(Long.class, a -> a.name(ViewsTable.LAST_VERSION)
                        .getter(ViewItem::getLastVersion)
                        .setter(ViewItem::setLastVersion))
                .addAttribute(Integer.class, a -> a.name("desiredCopyCount")
                        .getter(ViewItem::getDesiredCopyCount)
                        .setter(ViewItem::setDesiredCopyCount))
                .addAttribute(Integer.class, a -> a.name("currentCopyCount")
                        .getter(ViewItem::getCurrentCopyCount)
                        .setter(ViewItem::setCurrentCopyCount))
                .addAttribute(Long.class, a -> a.name(ViewsTable.EXPIRES_AT)
                        .getter(ViewItem::getExpiresAt)
                        .setter(ViewItem::setExpiresAt));
        text(builder, "name", ViewItem::getName, ViewItem::setName);
        text(builder, "arn", ViewItem::getArn, ViewItem::setArn);
        text(builder, "creationTime", ViewItem::getCreationTime, ViewItem::setCreationTime);
        text(builder, "lastModifiedTime", ViewItem::getLastModifiedTime, ViewItem::setLastModifiedTime);
        text(builder, "document", ViewItem::getDocument, ViewItem::setDocument);
        text(builder, "endpointConfigName", ViewItem::getEndpointConfigName, ViewItem::setEndpointConfigName);
        text(builder, "status", ViewItem::getStatus, ViewItem::setStatus);
        text(builder, "failureReason", ViewItem::getFailureReason, ViewItem::setFailureReason);
        text(builder, "endpointName", ViewItem::getEndpointName, ViewItem::setEndpointName);
        text(builder, "endpointArn", ViewItem::getEndpointArn, ViewItem::setEndpointArn);
        text(builder, "variantName", ViewItem::getVariantName, ViewItem::setVariantName);
        return builder.build();
    }

    private static void text(
            StaticTableSchema.Builder<ViewItem> builder,
            String name,
            Function<ViewItem, String> getter,
            BiConsumer<ViewItem, String> setter) {
        builder.addAttribute(String.class, a -> a.name(name).getter(getter).setter(setter));
    }
}
