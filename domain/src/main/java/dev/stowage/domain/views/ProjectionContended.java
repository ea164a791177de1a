package dev.stowage.domain.views;

/** A projector lost the race for one stream's view on every attempt; the wake-up should be retried. */
public final class ProjectionContended extends RuntimeException {
    private final String stream;

    public ProjectionContended(String stream, int attempts) {
        super("Lost the race for the view of " + stream + " " + attempts + " times", null, false, false);
        this.stream = stream;
    }

    public String stream() {
        return stream;
    }
}
