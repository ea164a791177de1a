package dev.stowage.host.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.stowage.host.LoopbackServer;
import dev.stowage.host.runtime.CopyLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry whose credentials cannot be had (an ECR token refused) fails the pull with that reason, before the
 * engine is asked to pull: an anonymous pull would only say "no basic auth credentials". The engine is a stand-in
 * answering the two calls made before a pull.
 */
class DockerRuntimeCredentialsTest {
    private static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/model:1";

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final LoopbackServer engine = LoopbackServer.serving("/", this::answer);

    @TempDir
    Path logs;

    @AfterEach
    void stop() {
        engine.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        asked.add(exchange.getRequestMethod() + " " + path);
        int status;
        String body;
        if (path.endsWith("/json") && path.contains("/images/")) {
            status = 404;
            body = "{\"message\":\"No such image\"}";
        } else if (path.endsWith("/info")) {
            status = 200;
            body = "{\"DockerRootDir\":\"/no/such/folder\"}";
        } else {
            status = 500;
            body = "{\"message\":\"not expected\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void credentials_that_cannot_be_had_fail_the_pull_with_their_reason() {
        String host = "tcp://127.0.0.1:" + engine.uri("").getPort();
        RegistryAuth refused = registry -> {
            throw new IllegalStateException("ecr:GetAuthorizationToken was denied");
        };
        DockerRuntime runtime =
                new DockerRuntime(DockerConnection.open(host), host, "test", false, Path.of("/dev"), refused);
        CopyLog log = CopyLog.open(logs.resolve("copy.log"), Clock.systemUTC());

        assertThatThrownBy(() -> runtime.prepare(IMAGE, Duration.ofSeconds(10), progress -> {}, log))
                .isInstanceOf(IOException.class)
                .hasMessage("No credentials for registry 123456789012.dkr.ecr.eu-west-1.amazonaws.com:"
                        + " ecr:GetAuthorizationToken was denied");
        assertThat(asked)
                .anyMatch(request -> request.endsWith("/json"))
                .noneMatch(request -> request.contains("/images/create"));
        runtime.close();
    }
}
