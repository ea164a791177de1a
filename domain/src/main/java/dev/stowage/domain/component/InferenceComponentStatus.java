package dev.stowage.domain.component;

/**
 * {@code InferenceComponentStatus} of the SageMaker service model; {@link #wireName()} is the value on the
 * wire.
 */
public enum InferenceComponentStatus {
    IN_SERVICE("InService"),
    CREATING("Creating"),
    UPDATING("Updating"),
    FAILED("Failed"),
    DELETING("Deleting");

    private final String wireName;

    InferenceComponentStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The status with this wire name; {@link IllegalArgumentException} for any other string. */
    public static InferenceComponentStatus fromWireName(String wireName) {
        for (InferenceComponentStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown InferenceComponentStatus " + wireName);
    }
}
