package dev.stowage.host.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one request head off a connection and checks what the JDK's server would otherwise refuse with an HTML page,
 * a 501 or a closed connection: a request line that does not parse or whose target is not a URI, header lines that
 * are not {@code name: value}, more than {@value #MAX_HEADERS} headers or {@value #MAX_HEAD_BYTES} bytes of head, a
 * {@code Transfer-Encoding} other than {@code chunked} (alone), a {@code Content-Length} beside it, or one that is not
 * a number. A head that passes is given back with its bytes, unchanged, and how its body is framed.
 */
final class RequestHeads {
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Below the JDK server's own limit ({@code sun.net.httpserver.maxReqHeaders}, 200), past which it hangs up. */
    static final int MAX_HEADERS = 150;

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private RequestHeads() {}

    /** What was read: the end of the connection, a head to forward, or one to refuse. */
    sealed interface Read {}

    /** The client closed the connection between requests. */
    record End() implements Read {}

    /**
     * A head to forward as it came.
     *
     * @param raw its bytes, up to and including the empty line
     * @param length the body's length, or -1 when it is chunked
     */
    record Good(byte[] raw, long length) implements Read {
        boolean chunked() {
            return length < 0;
        }
    }

    /** A head to refuse, with what could be read of it. */
    record Bad(RequestHead head, int status, String code, String message) implements Read {}

    static Read read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        boolean tooLarge = false;
        while (true) {
            String line = line(in, raw);
            if (line == null) {
                if (raw.size() == 0) {
                    return new End();
                }
                break;
            }
            if (line.isEmpty() && lines.isEmpty()) {
                continue; // an empty line before the request line is ignored (RFC 9112, 2.2)
            }
            if (line.isEmpty()) {
                return check(lines, raw.toByteArray());
            }
            lines.add(line);
            if (raw.size() > MAX_HEAD_BYTES || lines.size() > MAX_HEADERS + 1) {
                tooLarge = true;
                break;
            }
        }
        RequestHead partial = head(lines);
        return tooLarge
                ? new Bad(
                        partial,
                        431,
                        "RequestHeaderFieldsTooLarge",
                        "The request's head is larger than " + MAX_HEAD_BYTES + " bytes or has more than " + MAX_HEADERS
                                + " headers.")
                : new Bad(partial, 400, "BadRequestException", "The request ended inside its head.");
    }

    private static Read check(List<String> lines, byte[] raw) {
        RequestHead head = head(lines);
        String[] request = lines.getFirst().split(" ", -1);
        if (request.length != 3
                || !TOKEN.matcher(request[0]).matches()
                || !(request[2].equals("HTTP/1.1") || request[2].equals("HTTP/1.0"))) {
            return bad(head, "The request line is not 'METHOD target HTTP/1.1'.");
        }
        try {
            new URI(request[1]);
        } catch (URISyntaxException e) {
            return bad(head, "The request target is not a URI: " + e.getReason() + ".");
        }
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                return bad(head, "A header line is not 'name: value'.");
            }
        }
        List<String> encodings = head.headers().getOrDefault("transfer-encoding", List.of());
        List<String> lengths = head.headers().getOrDefault("content-length", List.of());
        if (!encodings.isEmpty()) {
            if (encodings.size() > 1 || !encodings.getFirst().strip().equalsIgnoreCase("chunked")) {
                return bad(
                        head,
                        "Transfer-Encoding '" + String.join(", ", encodings) + "' is not supported: only"
                                + " chunked is.");
            }
            if (!lengths.isEmpty()) {
                return bad(head, "A request may not have both Content-Length and Transfer-Encoding.");
            }
            return new Good(raw, -1);
        }
        if (lengths.isEmpty()) {
            return new Good(raw, 0);
        }
        String length = lengths.getFirst().strip();
        if (!DIGITS.matcher(length).matches()
                || lengths.stream().anyMatch(l -> !l.strip().equals(length))) {
            return bad(head, "Content-Length '" + String.join(", ", lengths) + "' is not one number of bytes.");
        }
        return new Good(raw, Long.parseLong(length));
    }

    private static Bad bad(RequestHead head, String message) {
        return new Bad(head, 400, "BadRequestException", message);
    }

    /** What can be made of the lines read: the request line's method and target, the well-formed headers. */
    private static RequestHead head(List<String> lines) {
        String method = "";
        String target = "/";
        if (!lines.isEmpty()) {
            String[] request = lines.getFirst().split(" ", -1);
            method = request[0];
            target = request.length > 1 && request[1].startsWith("/") ? request[1] : "/";
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
        }
        return new RequestHead(method, target, headers);
    }

    /** A line without its CR LF (or bare LF), also appended to {@code raw}; null at the end of the stream. */
    static String line(InputStream in, ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0) {
            raw.write(b);
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > MAX_HEAD_BYTES) {
                break;
            }
            b = in.read();
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
