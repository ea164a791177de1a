package dev.stowage.functions.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.views.EndpointConfigRow;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.ModelRow;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.domain.views.ViewRow;
import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Maps view rows to {@link ViewItem}s and back, and names checkpoint items. */
final class ViewItems {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHECKPOINT_PREFIX = "checkpoint#";

    private ViewItems() {}

    static String checkpointId(String stream) {
        return CHECKPOINT_PREFIX + stream;
    }

    static ViewItem checkpoint(String stream, long lastVersion) {
        ViewItem item = new ViewItem();
        item.setId(checkpointId(stream));
        item.setLastVersion(lastVersion);
        return item;
    }

    static ViewItem toItem(ViewRow row) {
        ViewItem item = new ViewItem();
        item.setId(row.stream());
        item.setKind(row.kind().streamType());
        item.setName(row.name());
        item.setArn(row.arn());
        item.setCreationTime(row.creationTime().toString());
        item.setLastModifiedTime(row.lastModifiedTime().toString());
        item.setLastVersion(row.lastVersion());
        item.setStatus(row.status().orElse(null));
        switch (row) {
            case ModelRow model -> item.setDocument(model.description().toString());
            case EndpointConfigRow config ->
                item.setDocument(config.description().toString());
            case EndpointRow endpoint -> {
                item.setDocument(endpoint.endpointConfig().toString());
                item.setEndpointConfigName(endpoint.endpointConfigName());
                item.setFailureReason(endpoint.failureReason().orElse(null));
            }
            case InferenceComponentRow ic -> {
                item.setDocument(ic.specification().toString());
                item.setEndpointName(ic.endpointName());
                item.setEndpointArn(ic.endpointArn());
                item.setVariantName(ic.variantName());
                item.setFailureReason(ic.failureReason().orElse(null));
                item.setDesiredCopyCount(ic.desiredCopyCount());
                item.setCurrentCopyCount(ic.currentCopyCount());
            }
        }
        return item;
    }

    /** The row an item holds; empty for a checkpoint item or an item of a kind this code does not know. */
    static Optional<ViewRow> toRow(@Nullable ViewItem item) {
        if (item == null || item.getKind() == null) {
            return Optional.empty();
        }
        return ViewKind.ofStreamType(item.getKind()).map(kind -> toRow(kind, item));
    }

    private static ViewRow toRow(ViewKind kind, ViewItem item) {
        String name = required(item.getName());
        String arn = required(item.getArn());
        Instant created = Instant.parse(required(item.getCreationTime()));
        Instant modified = Instant.parse(required(item.getLastModifiedTime()));
        long version = required(item.getLastVersion());
        Document document = document(required(item.getDocument()));
        return switch (kind) {
            case MODEL -> new ModelRow(name, arn, document, created, modified, version);
            case ENDPOINT_CONFIG -> new EndpointConfigRow(name, arn, document, created, modified, version);
            case ENDPOINT ->
                new EndpointRow(
                        name,
                        arn,
                        required(item.getEndpointConfigName()),
                        document,
                        EndpointStatus.fromWireName(required(item.getStatus())),
                        Optional.ofNullable(item.getFailureReason()),
                        created,
                        modified,
                        version);
            case INFERENCE_COMPONENT ->
                new InferenceComponentRow(
                        name,
                        arn,
                        required(item.getEndpointName()),
                        required(item.getEndpointArn()),
                        required(item.getVariantName()),
                        document,
                        InferenceComponentStatus.fromWireName(required(item.getStatus())),
                        Optional.ofNullable(item.getFailureReason()),
                        required(item.getDesiredCopyCount()),
                        required(item.getCurrentCopyCount()),
                        created,
                        modified,
                        version);
        };
    }

    private static Document document(String json) {
        try {
            return Document.of((ObjectNode) JSON.readTree(json));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("A view item holds a document that is not a JSON object", e);
        }
    }

    private static <T> T required(@Nullable T value) {
        return Objects.requireNonNull(value, "A view item lacks a member its kind requires");
    }
}
