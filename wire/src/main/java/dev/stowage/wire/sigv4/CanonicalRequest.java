package dev.stowage.wire.sigv4;

import dev.stowage.wire.protocol.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SigV4 canonical request, built as AWS builds it for every service but S3: the path's segments
 * URI-encoded once more, query parameters encoded strictly and sorted, the signed headers with values
 * trimmed and inner whitespace folded, several values of one header joined by commas.
 */
final class CanonicalRequest {

    private CanonicalRequest() {}

    static String of(SignedRequest request, List<String> signedHeaders, String payloadHash) {
        return request.method().toUpperCase(Locale.ROOT) + "\n"
                + path(request.rawPath()) + "\n"
                + query(request.rawQuery()) + "\n"
                + headers(request.headers(), signedHeaders) + "\n"
                + String.join(";", signedHeaders) + "\n"
                + payloadHash;
    }

    /** The wire path (already encoded once by the client) encoded again, slashes kept. */
    static String path(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        return encode(rawPath, false);
    }

    /** Parameters decoded, then strictly encoded and sorted by name, then value. */
    static String query(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(Map.entry(encode(decode(name), true), encode(decode(value), true)));
        }
        params.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        List<String> joined =
                params.stream().map(p -> p.getKey() + "=" + p.getValue()).toList();
        return String.join("&", joined);
    }

    static String headers(Headers headers, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values =
                    headers.all(name).stream().map(CanonicalRequest::fold).toList();
            out.append(name.toLowerCase(Locale.ROOT))
                    .append(':')
                    .append(String.join(",", values))
                    .append('\n');
        }
        return out.toString();
    }

    private static String fold(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    /** RFC 3986 encoding: unreserved characters kept, everything else {@code %XX} in upper case. */
    static String encode(String value, boolean encodeSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (unreserved(c) || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }

    /** Percent-decoding only: a {@code +} stays a plus, as SigV4 reads query strings. */
    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int lo = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
            if (c == '%' && hi >= 0 && lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
