package dev.stowage.domain.scaling;

/** The texts of scaling activities, worded as Application Auto Scaling words them for SageMaker. */
public final class ActivityTexts {
    static final String NOT_SCALED = "Attempting to scale due to alarm triggered";

    private ActivityTexts() {}

    static String description(int capacity) {
        return "Setting desired copy count to " + capacity + ".";
    }

    static String cause(String alarmName, String policyName) {
        return "monitor alarm " + alarmName + " in state ALARM triggered policy " + policyName;
    }

    /** The cause of bringing the capacity inside a new minimum or maximum. */
    static String boundSet(boolean minimum, int capacity) {
        return (minimum ? "minimum" : "maximum") + " capacity was set to " + capacity;
    }

    /** Stowage's cause for scaling out from zero when a request waits. */
    static String waiting(String component) {
        return "a request is waiting for capacity on inference component " + component;
    }

    static String notScaledMessage(int capacity) {
        return "Failed to set desired copy count to " + capacity;
    }

    /** The message of an activity whose copy count was set. */
    public static String succeeded(int capacity) {
        return "Successfully set desired copy count to " + capacity + ". Change successfully fulfilled by sagemaker.";
    }

    /** The message of an activity whose copy count was refused. */
    public static String failed(int capacity, String reason) {
        return "Failed to set desired copy count to " + capacity + ". Reason: " + reason;
    }
}
