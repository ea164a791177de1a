package dev.stowage.domain.endpoint;

/** The service's endpoint statuses, as they appear on the wire. */
public enum EndpointStatus {
    OutOfService,
    Creating,
    Updating,
    SystemUpdating,
    RollingBack,
    InService,
    Deleting,
    Failed,
    UpdateRollbackFailed
}
