package dev.stowage.wire.protocol;

/**
 * One failed constraint, in Coral's words: {@code Value <value> at '<path>' failed to satisfy
 * constraint: <constraint>}.
 *
 * @param path the member path, e.g. {@code productionVariants.1.member.variantName}
 * @param value the offending value as the service prints it: {@code 'my_ic'}, or {@code null}
 * @param constraint the constraint text, e.g. {@code Member must not be null}
 */
public record Violation(String path, String value, String constraint) {

    /** The violation as one clause of the final message. */
    public String text() {
        return "Value " + value + " at '" + path + "' failed to satisfy constraint: " + constraint;
    }
}
