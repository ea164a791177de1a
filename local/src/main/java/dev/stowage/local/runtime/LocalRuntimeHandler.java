package dev.stowage.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.functions.api.ApiGatewayEvents;
import dev.stowage.host.serving.CapacityWait;
import dev.stowage.host.serving.InvocationService;
import dev.stowage.host.serving.RuntimeResponse;
import dev.stowage.local.http.StreamedProxyResponse;
import dev.stowage.wire.runtime.InvocationRequest;
import dev.stowage.wire.runtime.RuntimeError;
import dev.stowage.wire.runtime.RuntimeErrorException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The runtime API on the local port (ADR 8, ADR 11): {@code POST /endpoints/{name}/invocations} and {@code
 * /invocations-response-stream}, served by a router of the same kind as every host's — one with no copies of its
 * own, standing where the load balancer stands on AWS — which sends each request to a copy through the copy's host.
 * Streamed answers reach the client frame by frame.
 */
public final class LocalRuntimeHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final InvocationService router;

    private static Optional<Duration> waitForCapacity(APIGatewayProxyRequestEvent event) {
        Map<String, String> headers = Objects.requireNonNullElse(event.getHeaders(), Map.of());
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(CapacityWait.HEADER))
                .findFirst()
                .flatMap(e -> CapacityWait.ofHeader(e.getValue()));
    }

    private static InvocationRequest request(APIGatewayProxyRequestEvent event) {
        byte[] body;
        try {
            body = ApiGatewayEvents.body(event);
        } catch (IllegalArgumentException notBase64) {
            throw RuntimeError.validation("The request body is not valid base64.")
                    .exception();
        }
        String method = Objects.requireNonNullElse(event.getHttpMethod(), "POST");
        return InvocationRequest.parse(method, ApiGatewayEvents.rawPath(event), ApiGatewayEvents.headers(event), body);
    }

    public LocalRuntimeHandler(InvocationService router) {
        this.router = router;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String requestId = UUID.randomUUID().toString();
        RuntimeResponse response;
        try {
            response = router.invoke(request(event), requestId, waitForCapacity(event));
        } catch (RuntimeErrorException e) {
            response = RuntimeResponse.error(e.error(), requestId);
        }
        return switch (response) {
            case RuntimeResponse.Whole whole ->
                new APIGatewayProxyResponseEvent()
                        .withStatusCode(whole.status())
                        .withHeaders(whole.headers())
                        .withIsBase64Encoded(true)
                        .withBody(Base64.getEncoder().encodeToString(whole.body()));
            case RuntimeResponse.Streamed streamed ->
                new StreamedProxyResponse(
                        200, streamed.headers(), out -> streamed.body().writeTo(out));
        };
    }
}
