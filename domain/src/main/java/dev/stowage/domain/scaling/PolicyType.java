package dev.stowage.domain.scaling;

/** The policy types Stowage runs, by their wire names ({@code PredictiveScaling} is refused). */
public enum PolicyType {
    StepScaling,
    TargetTrackingScaling
}
