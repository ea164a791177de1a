package dev.stowage.functions.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Decides whether a body can travel as text in an API Gateway proxy response. */
final class MediaTypes {

    private MediaTypes() {}

    /**
     * The body as text when its content type is textual and the bytes are valid UTF-8 (so the text
     * round-trips exactly); empty when it must be base64-encoded.
     */
    static Optional<String> asText(@Nullable String contentType, byte[] body) {
        if (body.length == 0) {
            return Optional.of("");
        }
        if (contentType == null || !textual(contentType)) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static boolean textual(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.endsWith("+json")
                || type.endsWith("+xml")
                || switch (type) {
                    case "application/json",
                            "application/jsonlines",
                            "application/x-ndjson",
                            "application/xml",
                            "application/javascript",
                            "application/x-www-form-urlencoded" -> true;
                    default -> false;
                };
    }
}
