package dev.stowage.domain.endpoint;

/** {@code EndpointStatus} of the SageMaker service model; {@link #wireName()} is the value on the wire. */
public enum EndpointStatus {
    OUT_OF_SERVICE("OutOfService"),
    CREATING("Creating"),
    UPDATING("Updating"),
    SYSTEM_UPDATING("SystemUpdating"),
    ROLLING_BACK("RollingBack"),
    IN_SERVICE("InService"),
    DELETING("Deleting"),
    FAILED("Failed"),
    UPDATE_ROLLBACK_FAILED("UpdateRollbackFailed");

    private final String wireName;

    EndpointStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The status with this wire name; {@link IllegalArgumentException} for any other string. */
    public static EndpointStatus fromWireName(String wireName) {
        for (EndpointStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown EndpointStatus " + wireName);
    }
}
