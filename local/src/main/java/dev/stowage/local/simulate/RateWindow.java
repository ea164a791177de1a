package dev.stowage.local.simulate;

import java.util.Locale;

/**
 * One ServeGen window of one client: from {@code startSeconds} for {@link #SECONDS}, {@code rate} requests a second,
 * their gaps fitted by {@code pattern} with scipy's {@code shape} and {@code scale} ({@link Pattern#NONE} when idle).
 */
public record RateWindow(long startSeconds, double rate, Pattern pattern, double shape, double scale) {
    /** Every ServeGen window is ten minutes; {@code rate × 600} is the window's request count. */
    public static final int SECONDS = 600;

    public enum Pattern {
        GAMMA,
        WEIBULL,
        NONE;

        /** {@code Gamma}, {@code Weibull} or empty, as the trace spells them; {@link IllegalArgumentException} otherwise. */
        static Pattern parse(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "gamma" -> GAMMA;
                case "weibull" -> WEIBULL;
                case "" -> NONE;
                default -> throw new IllegalArgumentException(value);
            };
        }
    }

    /** The requests the window holds at this rate scale, before rounding. */
    public double expectedRequests(double rateScale) {
        return rate * SECONDS * rateScale;
    }
}
