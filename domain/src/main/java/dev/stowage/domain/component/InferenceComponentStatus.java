package dev.stowage.domain.component;

/** The service's inference component statuses, as they appear on the wire. */
public enum InferenceComponentStatus {
    InService,
    Creating,
    Updating,
    Failed,
    Deleting
}
