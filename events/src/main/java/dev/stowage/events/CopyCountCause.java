package dev.stowage.events;

/** Who set an inference component's desired copy count. */
public enum CopyCountCause {
    /** CreateInferenceComponent, UpdateInferenceComponent or UpdateInferenceComponentRuntimeConfig. */
    API,
    /** A scaling policy of Application Auto Scaling. */
    AUTOSCALING,
    /** A scheduled action. */
    SCHEDULE
}
