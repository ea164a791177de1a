package dev.stowage.host.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard relays well-formed requests to the JDK server, several on one connection, and refuses the rest. */
class GuardedHttpServerTest {
    private GuardedHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = GuardedHttpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.server().createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            }
        });
        server.start((head, status, code, message) -> new HeadRefusal.Answer(
                status,
                Map.of("Content-Type", "application/json"),
                ("{\"__type\":\"" + code + "\",\"message\":\"" + head.method() + "\"}")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String exchange(String requests) throws IOException {
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void relaysRequestsOneAfterAnotherWithTheirBodies() throws IOException {
        String answers = exchange("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
        assertThat(answers).startsWith("HTTP/1.1 200").contains("hello").contains("abcde");
        assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(3);
    }

    @Test
    void answersABadHeadAfterTheRequestsBeforeIt() throws IOException {
        // Issue 13: Transfer-Encoding identity was a 501 HTML page from the JDK server.
        String answers = exchange("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok"
                + "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n");
        assertThat(answers).startsWith("HTTP/1.1 200");
        assertThat(answers)
                .contains("HTTP/1.1 400 Bad Request")
                .contains("Content-Type: application/json")
                .contains("Connection: close")
                .endsWith("{\"__type\":\"BadRequestException\",\"message\":\"POST\"}");
    }
}
