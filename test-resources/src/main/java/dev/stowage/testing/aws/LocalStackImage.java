package dev.stowage.testing.aws;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.utility.DockerImageName;

/**
 * Whether LocalStack's image is in the local Docker Engine, asked of the Engine's socket directly ({@code GET
 * /images/<name>/json}): Testcontainers' own check starts its reaper container, whose image cannot be pulled here
 * either.
 */
public final class LocalStackImage implements ExecutionCondition {
    /** The LocalStack the tests were written against. */
    public static final String IMAGE = "localstack/localstack:4.4";

    private static final Path SOCKET = Path.of("/var/run/docker.sock");

    /** The image as Testcontainers names it. */
    public static DockerImageName name() {
        return DockerImageName.parse(IMAGE);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return present()
                ? ConditionEvaluationResult.enabled(IMAGE + " is in the local Docker Engine")
                : ConditionEvaluationResult.disabled(
                        "LocalStack needs " + IMAGE + " in a local Docker Engine; no registry is reachable to pull it");
    }

    static boolean present() {
        if (!Files.exists(SOCKET)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(SOCKET));
            String request = "GET /images/" + IMAGE + "/json HTTP/1.0\r\nHost: docker\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(16);
            while (answer.hasRemaining() && channel.read(answer) >= 0) {
                // the status line's first sixteen bytes say it all
            }
            String status = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            return status.matches("HTTP/1\\.[01] 200.*");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
