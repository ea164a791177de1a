package dev.stowage.host.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The shapes {@code stowage/llm-sim} answers in, and which one a request's {@code Accept} header asks for. A whole
 * answer is {@link #JSON} (TGI's {@code [{"generated_text": "..."}]}) or {@link #TEXT} (the bare text); a streamed one
 * is {@link #EVENT_STREAM} (TGI's server-sent events) or {@link #JSON_LINES} (one {@code {"token": …}} object a line,
 * as LMI streams). No {@code Accept}, or {@code *}{@code /*}, takes the first offer; q-values are honoured.
 */
enum AnswerFormat {
    JSON("application/json"),
    TEXT("text/plain"),
    EVENT_STREAM("text/event-stream"),
    JSON_LINES("application/jsonlines");

    /** What a whole answer can be, preferred first. */
    static final List<AnswerFormat> WHOLE = List.of(JSON, TEXT);
    /** What a streamed answer can be, preferred first. */
    static final List<AnswerFormat> STREAMED = List.of(EVENT_STREAM, JSON_LINES);

    private final String mediaType;

    AnswerFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    /** The response's {@code Content-Type}. */
    String contentType() {
        return this == TEXT ? mediaType + "; charset=utf-8" : mediaType;
    }

    /** The offer {@code accept} takes most (the first among equals), or empty when it takes none of them. */
    static Optional<AnswerFormat> negotiate(@Nullable String accept, List<AnswerFormat> offers) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offers.getFirst());
        }
        AnswerFormat best = null;
        double bestQuality = 0;
        for (AnswerFormat offer : offers) {
            double quality = offer.quality(accept);
            if (quality > bestQuality) {
                best = offer;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The q-value of the most specific media range in {@code accept} that matches this format; 0 when none does. */
    private double quality(String accept) {
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            int specificity = specificity(type);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = q(parts);
            }
        }
        return quality;
    }

    /** 2 for this very type, 1 for its {@code type/*}, 0 for {@code *}{@code /*}, -1 when the range does not match. */
    private int specificity(String range) {
        if (range.equals(mediaType)) {
            return 2;
        }
        if (range.equals(mediaType.substring(0, mediaType.indexOf('/')) + "/*")) {
            return 1;
        }
        return range.equals("*/*") ? 0 : -1;
    }

    private static double q(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return Double.isFinite(q) ? Math.max(0, Math.min(1, q)) : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
