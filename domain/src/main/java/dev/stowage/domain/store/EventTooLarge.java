package dev.stowage.domain.store;

/**
 * An event too large to store: DynamoDB holds at most 400 KB per item, and the view a projector makes of the event
 * holds the same documents, so an event may take at most {@link #MAX_BYTES} encoded. Nothing was written; the API
 * answers the request that made it with a validation error carrying this message.
 */
public final class EventTooLarge extends RuntimeException {
    /** The most bytes one encoded event may take, with room left in its item and its view's for the rest. */
    public static final int MAX_BYTES = 300 * 1024;

    public EventTooLarge(String stream, long bytes) {
        super(
                "The request is too large for Stowage to store: the resource it describes (" + stream + ") takes "
                        + bytes + " bytes, and Stowage stores at most " + MAX_BYTES + " bytes per change. Send"
                        + " fewer or shorter values (Environment entries, containers, tags).",
                null,
                false,
                false);
    }
}
