package dev.stowage.domain.views;

import dev.stowage.domain.store.StreamIds;
import java.util.Optional;

/** The resource kinds that have a view row; each is folded from the stream type of the same name. */
public enum ViewKind {
    MODEL(StreamIds.MODEL),
    ENDPOINT_CONFIG(StreamIds.ENDPOINT_CONFIG),
    ENDPOINT(StreamIds.ENDPOINT),
    INFERENCE_COMPONENT(StreamIds.INFERENCE_COMPONENT);

    private final String streamType;

    ViewKind(String streamType) {
        this.streamType = streamType;
    }

    /** The stream type, which is also the stored kind attribute ({@code inference-component}). */
    public String streamType() {
        return streamType;
    }

    /** The stream (and view row id) of the resource {@code name}: {@code <type>/<name>}. */
    public String streamOf(String name) {
        return streamType + "/" + name;
    }

    /** The kind whose stream type is {@code streamType}. */
    public static Optional<ViewKind> ofStreamType(String streamType) {
        for (ViewKind kind : values()) {
            if (kind.streamType.equals(streamType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind a stream id belongs to; empty for streams no view folds (fleet, scalable target, …). */
    public static Optional<ViewKind> ofStream(String stream) {
        return ofStreamType(StreamIds.typeOf(stream));
    }
}
