package dev.stowage.local.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request and reads the whole answer: through the JDK's {@link HttpClient} (HTTP/1.1), or over a plain
 * socket for what that client refuses to send ({@code Transfer-Encoding}, a {@code Content-Length} of its own,
 * {@code Expect}, {@code Connection}). A request that gets no answer within {@value #TIMEOUT_SECONDS} s fails.
 */
final class Sender implements AutoCloseable {
    static final int TIMEOUT_SECONDS = 30;
    private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Reply send(FuzzRequest request) {
        RequestSigner.Signed signed = RequestSigner.sign(request);
        try {
            // A target the JDK's URI refuses (a bad percent escape) can only go over a socket, as written.
            boolean socket = request.overSocket() || !parses(request.base() + request.path());
            return socket ? overSocket(request, signed) : overClient(request, signed);
        } catch (HttpTimeoutException e) {
            return Reply.none("no answer within " + TIMEOUT_SECONDS + " s");
        } catch (IOException e) {
            return again(request, signed, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.none("interrupted");
        }
    }

    /**
     * A connection the client reused just as the server closed it for being idle ends without an answer, a race of
     * HTTP keep-alive that SDKs retry; so the request is sent once more, alone on a fresh connection. A server that
     * hangs up on the request itself does so again, and that is the failure reported.
     */
    private static Reply again(FuzzRequest request, RequestSigner.Signed signed, IOException first) {
        try {
            return overSocket(request, signed);
        } catch (IOException e) {
            return Reply.none(first.getClass().getSimpleName() + ": " + first.getMessage() + ", then on a new"
                    + " connection " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean parses(String uri) {
        try {
            URI.create(uri);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Reply overClient(FuzzRequest request, RequestSigner.Signed signed)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.base() + request.path()))
                .timeout(TIMEOUT)
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        for (Header header : signed.headers()) {
            builder.header(header.name(), header.value());
        }
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return new Reply(response.statusCode(), headers, response.body(), null);
    }

    private static Reply overSocket(FuzzRequest request, RequestSigner.Signed signed) throws IOException {
        URI base = request.base();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(TIMEOUT_SECONDS * 1000);
            OutputStream out = socket.getOutputStream();
            out.write(head(request, signed).getBytes(StandardCharsets.ISO_8859_1));
            out.write(framed(signed));
            out.flush();
            return read(socket.getInputStream(), request.method().equalsIgnoreCase("HEAD"));
        } catch (java.net.SocketTimeoutException e) {
            throw new HttpTimeoutException("timed out");
        }
    }

    private static String head(FuzzRequest request, RequestSigner.Signed signed) {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
        head.append("Host: ")
                .append(request.base().getHost())
                .append(':')
                .append(request.base().getPort());
        head.append("\r\n");
        boolean framed = false;
        boolean close = false;
        for (Header header : signed.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
            framed |= header.named("Content-Length") || header.named("Transfer-Encoding");
            close |= header.named("Connection");
        }
        if (!framed) {
            head.append("Content-Length: ").append(signed.body().length).append("\r\n");
        }
        if (!close) {
            head.append("Connection: close\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** The body as sent: in one chunk when the request says it is chunked. */
    private static byte[] framed(RequestSigner.Signed signed) {
        boolean chunked = signed.headers().stream()
                .anyMatch(h -> h.named("Transfer-Encoding")
                        && h.value().toLowerCase(Locale.ROOT).strip().endsWith("chunked"));
        if (!chunked) {
            return signed.body();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (signed.body().length > 0) {
            out.writeBytes((Integer.toHexString(signed.body().length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(signed.body());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** An HTTP/1.1 response read to the end of its body (by length, chunks, or the connection closing). */
    private static Reply read(InputStream in, boolean head) throws IOException {
        int code;
        Map<String, List<String>> headers;
        do {
            String status = line(in);
            if (status == null) {
                return Reply.none("the connection closed without an answer");
            }
            String[] parts = status.split(" ", 3);
            code = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            headers = headers(in);
        } while (code >= 100 && code < 200);
        if (head) {
            return new Reply(code, headers, new byte[0], null);
        }
        byte[] body;
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.getFirst().equalsIgnoreCase("chunked")) {
            body = chunks(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.getFirst()));
        } else {
            body = in.readAllBytes();
        }
        return new Reply(code, headers, body, null);
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String size = line(in); size != null; size = line(in)) {
            int length = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (length == 0) {
                break;
            }
            out.writeBytes(in.readNBytes(length));
            line(in);
        }
        return out.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
            b = in.read();
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        client.close();
    }
}
