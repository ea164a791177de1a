package dev.stowage.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalHttpServerTest {
    private static final byte[] BINARY = {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, (byte) 0x80};

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicReference<APIGatewayProxyRequestEvent> seen = new AtomicReference<>();
    private final AtomicReference<Context> seenContext = new AtomicReference<>();
    private LocalHttpServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBinaryRequestBecomesAProxyEventAndTheResponseIsWrittenBack() throws Exception {
        serve(event -> new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                .withMultiValueHeaders(Map.of("X-Multi", List.of("one", "two")))
                .withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(BINARY)));

        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/endpoints/my%20ep/invocations?b=2&a=x%2Fy&b=3"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(BINARY))
                        .header("X-Amz-Date", "20261125T000000Z")
                        .header("X-Repeated", "first")
                        .header("X-Repeated", "second")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo(BINARY);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/octet-stream");
        assertThat(response.headers().allValues("x-multi")).containsExactly("one", "two");

        APIGatewayProxyRequestEvent event = seen.get();
        assertThat(event.getHttpMethod()).isEqualTo("POST");
        assertThat(event.getPath()).isEqualTo("/endpoints/my ep/invocations");
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(BINARY);
        assertThat(header(event.getMultiValueHeaders(), "x-repeated")).containsExactly("first", "second");
        assertThat(header(event.getHeaders(), "x-amz-date")).isEqualTo("20261125T000000Z");
        assertThat(event.getQueryStringParameters()).containsEntry("a", "x/y").containsEntry("b", "3");
        assertThat(event.getMultiValueQueryStringParameters())
                .containsEntry("b", List.of("2", "3"))
                .containsEntry("a", List.of("x/y"));
        var context = event.getRequestContext();
        assertThat(context.getRequestId())
                .isNotBlank()
                .isEqualTo(seenContext.get().getAwsRequestId());
        assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getPath()).isEqualTo("/endpoints/my%20ep/invocations");
        assertThat(context.getAuthorizer())
                .containsEntry(RawRequest.RAW_PATH, "/endpoints/my%20ep/invocations")
                .containsEntry(RawRequest.RAW_QUERY, "b=2&a=x%2Fy&b=3");
    }

    @Test
    void aTextBodyArrivesAsText() throws Exception {
        serve(event -> new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("héllo back"));

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ïc\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("héllo back");
        assertThat(seen.get().getIsBase64Encoded()).isFalse();
        assertThat(seen.get().getBody()).isEqualTo("{\"name\":\"ïc\"}");
        assertThat(seen.get().getQueryStringParameters()).isNull();
        assertThat(seen.get().getRequestContext().getAuthorizer()).doesNotContainKey(RawRequest.RAW_QUERY);
    }

    @Test
    void aFailingHandlerGivesBadGateway() throws Exception {
        serve(event -> {
            throw new IllegalStateException("boom");
        });

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/x"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("Internal server error");
        assertThat(seen.get().getBody()).isNull();
    }

    @Test
    void a_body_past_the_payload_limit_is_refused_before_the_handler_and_unread() throws Exception {
        serve(event -> new APIGatewayProxyResponseEvent().withStatusCode(200));
        byte[] tooBig = new byte[LocalHttpServer.MAX_BODY_BYTES + 1];

        HttpResponse<String> declared = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(tooBig))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("\"__type\":\"RequestEntityTooLarge\"");
        }
        assertThat(seen.get()).as("the handler never saw them").isNull();
    }

    @Test
    void framing_the_jdk_server_refuses_is_answered_by_the_applications_refusal() throws Exception {
        // Issue 13: Transfer-Encoding identity was a 501 HTML page; now the application answers in the request's wire.
        seen.set(null);
        server = LocalHttpServer.bind(0, "us-east-1", "000000000000")
                .serve(
                        (event, context) -> new APIGatewayProxyResponseEvent().withStatusCode(200),
                        (head, error) -> new APIGatewayProxyResponseEvent()
                                .withStatusCode(error.status())
                                .withHeaders(Map.of("Content-Type", "application/x-amz-json-1.1"))
                                .withBody(head.getHeaders().get("x-amz-target") + " " + error.code()));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream()
                    .write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: SageMaker.ListModels\r\n"
                                    + "Transfer-Encoding: identity\r\n\r\n{}")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 400 ")
                    .contains("Content-Type: application/x-amz-json-1.1")
                    .endsWith("SageMaker.ListModels BadRequestException");
        }
    }

    private void serve(Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> answer) {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = (event, context) -> {
            seen.set(event);
            seenContext.set(context);
            return answer.apply(event);
        };
        server = LocalHttpServer.bind(0, "us-east-1", "000000000000").serve(handler);
    }

    private static <V> V header(Map<String, V> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no header " + name + " in " + headers.keySet()));
    }
}
