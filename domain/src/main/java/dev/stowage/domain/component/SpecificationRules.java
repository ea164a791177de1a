package dev.stowage.domain.component;

import dev.stowage.domain.CommandRejected;
import dev.stowage.events.Document;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The service's rules on an inference component's {@code Specification}, beyond what the wire model checks. */
final class SpecificationRules {
    private static final String REQUIREMENTS = "ComputeResourceRequirements";

    private SpecificationRules() {}

    static void check(Document specification) {
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

    static CommandRejected bothGiven() {
        return CommandRejected.validation(
                "Specification and Specifications cannot both be provided. Use Specifications for one specification per"
                        + " instance type, or Specification for one that runs on every instance type.");
    }

    /**
     * {@code Specifications}: each entry as a {@code Specification}; with more than one entry, each names its
     * instance type, and no type twice.
     */
    static void checkPerType(List<Document> specifications) {
        Set<String> types = new HashSet<>();
        for (Document entry : specifications) {
            check(entry);
            Optional<String> type = entry.text("InstanceType");
            if (type.isEmpty() && specifications.size() > 1) {
                throw CommandRejected.validation(
                        "InstanceType is required in each entry of Specifications when there" + " is more than one.");
            }
            type.filter(t -> !types.add(t)).ifPresent(t -> {
                throw CommandRejected.validation(
                        "Specifications must have one entry per InstanceType, but " + t + " has more than one.");
            });
        }
    }
}
