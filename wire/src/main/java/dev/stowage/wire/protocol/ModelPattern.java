package dev.stowage.wire.protocol;

import java.util.regex.Pattern;

/**
 * A {@code pattern} of a service model, applied as the service applies it: to the whole value, with
 * Java regex semantics.
 *
 * <p>The models call their patterns ECMAScript, but they come from Coral, which runs on Java: they use
 * Java-only classes ({@code \p{Print}}, {@code \p{Alnum}}, {@code \A...\z}), Unicode properties without
 * ECMAScript's {@code u} flag, and surrogate-pair ranges ({@code \uD800\uDC00-\uDBFF\uDFFF}) that
 * only Java reads as code-point ranges. So the pattern is compiled unchanged; {@code
 * ModelPatternTest} proves every pattern of the reference models compiles. Java's {@code \s} and
 * {@code \d} are ASCII-only, as on the real service.
 *
 * @param source the pattern as written in the model
 * @param compiled the compiled pattern
 */
public record ModelPattern(String source, Pattern compiled) {

    /** Compiles a model pattern. */
    public static ModelPattern of(String source) {
        return new ModelPattern(source, Pattern.compile(source));
    }

    /**
     * Whether the whole value matches (the models' patterns are implicitly anchored on the service).
     *
     * <p>Java's regex engine recurses once per repetition of a group, so a pattern like {@code
     * [a-zA-Z0-9](-*[a-zA-Z0-9])*} overflows the stack on a value of some ten thousand characters (issue 13: a 100 KB
     * runtime header answered 502). Such a value is taken as not matching: every model shape with such a pattern has
     * a length limit far below it, so the value is refused either way, now with a 400 that names both constraints.
     */
    public boolean matches(String value) {
        try {
            return compiled.matcher(value).matches();
        } catch (StackOverflowError tooDeep) {
            return false;
        }
    }

    /**
     * The pattern as the service prints it in a validation message. SageMaker's own model anchors its
     * patterns ({@code ^...$}) and prints them so; botocore strips the anchors, so they are put back.
     */
    public String display(boolean anchored) {
        if (!anchored) {
            return source;
        }
        String start = source.startsWith("^") ? "" : "^";
        String end = source.endsWith("$") && !source.endsWith("\\$") ? "" : "$";
        return start + source + end;
    }
}
