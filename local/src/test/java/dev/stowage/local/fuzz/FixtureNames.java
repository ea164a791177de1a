package dev.stowage.local.fuzz;

import org.jspecify.annotations.Nullable;

/**
 * The names requests give resources: often the fixture's (so Describe finds it and an invocation reaches a copy) or
 * the missing one (so a request gets past validation to "not found"), sometimes any other.
 */
final class FixtureNames {
    private FixtureNames() {}

    /** A name for a member of this shape, or null when the shape names no resource or the dice say any other. */
    static @Nullable String forShape(String shape, Dice dice) {
        if (dice.chance(0.25)) {
            return null;
        }
        boolean existing = dice.chance(0.6);
        return switch (shape) {
            case "EndpointName" -> existing ? Fixture.ENDPOINT : Fixture.MISSING;
            case "InferenceComponentName" -> existing ? Fixture.COMPONENT : Fixture.MISSING;
            case "ModelName" -> existing ? Fixture.MODEL : Fixture.MISSING;
            case "EndpointConfigName" -> existing ? Fixture.CONFIG : Fixture.MISSING;
            case "VariantName" -> Fixture.VARIANT;
            case "ResourceIdMaxLen1600", "ResourceId" ->
                "inference-component/" + (existing ? Fixture.COMPONENT : Fixture.MISSING);
            default -> null;
        };
    }
}
