package dev.stowage.host.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.stowage.host.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IMDSv2 as EC2 answers it: a token first, metadata only with that token, 404 for a tag the instance lacks. */
class ImdsTest {
    private static final String TOKEN = "AQAEAF-token";
    private static final Map<String, String> METADATA = Map.of(
            "/latest/meta-data/local-ipv4", "10.0.1.23",
            "/latest/meta-data/tags/instance/stowage-endpoint", "ep",
            "/latest/meta-data/tags/instance/stowage-variant", "AllTraffic",
            "/latest/meta-data/tags/instance/stowage-instance", "i-7");

    private LoopbackServer server = LoopbackServer.serving("/latest", this::answer);

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        int status;
        String body = "";
        if (path.equals("/latest/api/token")) {
            boolean ok = method.equals("PUT") && exchange.getRequestHeaders().containsKey(Imds.TTL_HEADER);
            status = ok ? 200 : 400;
            body = ok ? TOKEN : "";
        } else if (!TOKEN.equals(exchange.getRequestHeaders().getFirst(Imds.TOKEN_HEADER))) {
            status = 401;
        } else if (METADATA.containsKey(path)) {
            status = 200;
            body = METADATA.get(path);
        } else {
            status = 404;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private Imds imds() {
        return new Imds(server.uri(""));
    }

    @Test
    void the_hosts_identity_comes_from_its_tags_and_private_address() {
        assertThat(HostIdentity.read(imds(), 8081))
                .as("peers reach it on the peer port")
                .isEqualTo(new HostIdentity("ep", "AllTraffic", "i-7", "http://10.0.1.23:8081"));
    }

    @Test
    void a_tag_the_instance_lacks_is_empty() {
        assertThat(imds().tag("stowage-nope")).isEmpty();
    }

    @Test
    void an_instance_without_the_tags_in_metadata_cannot_start() {
        server.close();
        server = LoopbackServer.serving("/latest", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/token")) {
                answer(exchange);
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });

        assertThatThrownBy(() -> HostIdentity.read(imds(), 8080))
                .hasMessageContaining("stowage-endpoint")
                .hasMessageContaining("instance tags enabled");
    }

    @Test
    void the_environment_names_the_api_and_defaults_the_rest() {
        var environment = HostEnvironment.of(Map.of(
                "STOWAGE_API_URL", "https://abc.execute-api.us-east-1.amazonaws.com/prod/", "AWS_REGION", "us-east-1"));

        assertThat(environment.hostApi())
                .isEqualTo(URI.create("https://abc.execute-api.us-east-1.amazonaws.com/prod/host"));
        assertThat(environment.runtimePort()).isEqualTo(8080);
        assertThat(environment.peerPort()).isEqualTo(8081);
        assertThat(environment.deployment()).isEqualTo("stowage");
        assertThat(environment.logGroupPrefix()).isEqualTo("/stowage/inference-components/");
        assertThat(environment.simulatedInstanceType()).isEmpty();
        assertThatThrownBy(() -> HostEnvironment.of(Map.of("AWS_REGION", "us-east-1")))
                .hasMessage("STOWAGE_API_URL is not set");
    }
}
