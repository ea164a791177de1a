package dev.stowage.functions.config;

import dev.stowage.domain.component.CopyQuota;
import java.util.Map;

/**
 * The copy quota a deployment sets: {@code STOWAGE_MAX_COPIES_PER_INFERENCE_COMPONENT} (a whole number, at least 1,
 * set from the CDK context {@code stowage:maxCopiesPerInferenceComponent}); unset or empty, {@link
 * CopyQuota#DEFAULT}. A value that is not a positive whole number stops the function at start-up rather than
 * leaving the quota open.
 */
public final class DeploymentQuota {
    public static final String VARIABLE = "STOWAGE_MAX_COPIES_PER_INFERENCE_COMPONENT";

    private DeploymentQuota() {}

    public static CopyQuota fromEnvironment() {
        return of(Environment.variables());
    }

    public static CopyQuota of(Map<String, String> environment) {
        String value = environment.getOrDefault(VARIABLE, "").strip();
        if (value.isEmpty()) {
            return CopyQuota.DEFAULT;
        }
        try {
            return new CopyQuota(Integer.parseInt(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    VARIABLE + " must be a whole number of at least 1, not \"" + value + "\".", e);
        }
    }
}
