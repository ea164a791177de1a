package dev.stowage.testing.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The streaming image, read at the wire: one HTTP/1.1 chunk per token, each arriving when it is generated. */
@ExtendWith(DockerEngine.class)
class StreamingIT {
    private static final long DELAY_MS = 200;

    @Test
    void tokens_arrive_one_chunk_at_a_time(DockerClient docker) throws Exception {
        try (var container = ServingContainer.of(TestImages.ensure(docker, TestImage.STREAMING))
                .env("STREAM_TOKEN_DELAY_MS", String.valueOf(DELAY_MS))
                .start(docker)) {
            assertThat(container.awaitHealthy(Duration.ofSeconds(30)))
                    .as(container::logs)
                    .isTrue();

            List<Chunk> chunks = invoke(
                    container.hostPort(), "{\"inputs\": \"the quick fox\", \"parameters\": {\"max_new_tokens\": 5}}");

            assertThat(chunks).extracting(Chunk::text).containsExactly("the ", "quick ", "fox ", "the ", "quick ");
            for (int i = 1; i < chunks.size(); i++) {
                long gap = (chunks.get(i).arrivedNanos() - chunks.get(i - 1).arrivedNanos()) / 1_000_000;
                assertThat(gap).as("ms between chunk %d and %d", i - 1, i).isGreaterThan(DELAY_MS / 2);
            }
        }
    }

    record Chunk(String text, long arrivedNanos) {}

    /** POSTs {@code body} to /invocations and reads the chunked answer chunk by chunk. */
    private static List<Chunk> invoke(int port, String body) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + content.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(line(in)).isEqualTo("HTTP/1.1 200 OK");
            var headers = new ArrayList<String>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                headers.add(header.toLowerCase());
            }
            assertThat(headers).contains("transfer-encoding: chunked");
            var chunks = new ArrayList<Chunk>();
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                long arrived = System.nanoTime();
                chunks.add(new Chunk(new String(in.readNBytes(size), StandardCharsets.UTF_8), arrived));
                assertThat(line(in)).isEmpty();
            }
            return chunks;
        }
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.US_ASCII);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
