package dev.stowage.wire.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runtime request URI, {@code /endpoints/{EndpointName}/invocations[-response-stream]}, taken apart.
 * Anything before {@code /endpoints/} is ignored: API Gateway puts the stage there, and an SDK's {@code
 * endpointOverride} with a path keeps it as a prefix.
 *
 * @param operation the operation the URI names
 * @param endpointName the endpoint name, percent-decoded but not validated
 */
public record RuntimePath(RuntimeOperation operation, String endpointName) {

    private static final Pattern URI =
            Pattern.compile("(?:.*)/endpoints/([^/]*)/(invocations|invocations-response-stream)/?");

    /**
     * Parses a path, raw (percent-encoded) or already decoded: a valid endpoint name has no {@code %}, so
     * decoding twice changes nothing that could pass validation.
     *
     * @return empty when the path is not a runtime operation's
     */
    public static Optional<RuntimePath> parse(String path) {
        Matcher matcher = URI.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        RuntimeOperation operation = matcher.group(2).equals(RuntimeOperation.INVOKE_ENDPOINT.pathSuffix())
                ? RuntimeOperation.INVOKE_ENDPOINT
                : RuntimeOperation.INVOKE_ENDPOINT_WITH_RESPONSE_STREAM;
        return Optional.of(new RuntimePath(operation, percentDecode(matcher.group(1))));
    }

    /** RFC 3986 percent-decoding as UTF-8 ({@code +} stays a plus); a malformed segment is kept as sent. */
    static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= segment.length()) {
                return segment;
            }
            int high = Character.digit(segment.charAt(i + 1), 16);
            int low = Character.digit(segment.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return segment;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return segment;
        }
    }
}
