package dev.stowage.domain.component;

import dev.stowage.domain.CommandRejected;
import dev.stowage.events.Document;

/** The service's rules on an inference component's {@code Specification}, beyond what the wire model checks. */
final class SpecificationRules {
    private static final String REQUIREMENTS = "ComputeResourceRequirements";

    private SpecificationRules() {}

    static void check(Document specification) {
        if (specification.has("BaseInferenceComponentName")) {
            throw CommandRejected.validation(
                    "BaseInferenceComponentName (adapter inference components) is not supported by Stowage yet.");
        }
        if (!specification.has("ModelName") && !specification.has("Container")) {
            throw CommandRejected.validation("Either ModelName or Container must be specified in the Specification.");
        }
        if (!specification.has(REQUIREMENTS)) {
            throw CommandRejected.validation(
                    "ComputeResourceRequirements must be specified in the Specification of an inference component.");
        }
        specification.number(REQUIREMENTS, "NumberOfAcceleratorDevicesRequired").ifPresent(devices -> {
            if (devices != Math.rint(devices)) {
                throw CommandRejected.validation("NumberOfAcceleratorDevicesRequired must be a whole number of devices,"
                        + " but was " + devices + ".");
            }
        });
        double min = specification.number(REQUIREMENTS, "MinMemoryRequiredInMb").orElse(0.0);
        specification.number(REQUIREMENTS, "MaxMemoryRequiredInMb").ifPresent(max -> {
            if (max < min) {
                throw CommandRejected.validation("MaxMemoryRequiredInMb (" + max.longValue()
                        + ") must be greater than or equal to MinMemoryRequiredInMb (" + (long) min + ").");
            }
        });
    }

    static CommandRejected copyCountBelow(int minimum, int value) {
        return CommandRejected.validation("1 validation error detected: Value '" + value
                + "' at 'runtimeConfig.copyCount' failed to satisfy constraint: Member must have value greater than"
                + " or equal to " + minimum);
    }

    static CommandRejected specificationsNotSupported() {
        return CommandRejected.validation(
                "Specifications (multiple instance pools) is not supported by Stowage yet; use Specification.");
    }
}
