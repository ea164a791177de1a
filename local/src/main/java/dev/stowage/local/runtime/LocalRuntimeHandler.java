package dev.stowage.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.functions.runtime.EventStreamEncoder;
import dev.stowage.functions.runtime.InvocationRequest;
import dev.stowage.functions.runtime.InvocationResponses;
import dev.stowage.functions.runtime.ResponseMetadata;
import dev.stowage.functions.runtime.RuntimeError;
import dev.stowage.functions.runtime.RuntimeErrorException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The runtime API on the local port: {@code POST /endpoints/{name}/invocations} and {@code
 * /invocations-response-stream}. The streaming call answers with event-stream frames; locally the response is
 * written once the copy has answered, so its parts arrive together (true incremental streaming comes with the
 * hosts' own runtime API).
 */
public final class LocalRuntimeHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final LocalInvoker invoker;

    public LocalRuntimeHandler(LocalInvoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String requestId = UUID.randomUUID().toString();
        InvocationRequest request;
        try {
            request = InvocationRequest.fromEvent(event);
        } catch (RuntimeErrorException e) {
            return InvocationResponses.error(e.error(), requestId);
        }
        Map<String, String> headers = new HashMap<>();
        put(headers, "Content-Type", request.contentType());
        put(headers, "Accept", request.accept());
        put(headers, "X-Amzn-SageMaker-Custom-Attributes", request.customAttributes());
        Outcome outcome = invoker.invoke(
                request.endpointName(), Optional.ofNullable(request.inferenceComponentName()), request.body(), headers);
        return switch (outcome) {
            case Outcome.Served served -> served(request, served, requestId);
            case Outcome.Refused refused ->
                InvocationResponses.error(RuntimeError.validation(refused.message()), requestId);
            case Outcome.Throttled throttled ->
                InvocationResponses.error(RuntimeError.throttled(throttled.message()), requestId);
            case Outcome.ModelFailed failed ->
                InvocationResponses.error(
                        RuntimeError.modelError(
                                Optional.ofNullable(request.inferenceComponentName())
                                        .orElse("primary"),
                                failed.originalStatusCode(),
                                failed.originalMessage(),
                                null),
                        requestId);
        };
    }

    private static APIGatewayProxyResponseEvent served(
            InvocationRequest request, Outcome.Served served, String requestId) {
        ResponseMetadata metadata = new ResponseMetadata(
                served.headers().get("Content-Type"),
                served.invokedVariant(),
                served.headers().get("X-Amzn-SageMaker-Custom-Attributes"));
        if (!request.streaming()) {
            return InvocationResponses.success(metadata, served.body(), requestId);
        }
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(InvocationResponses.streamHeaders(metadata, requestId))
                .withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(EventStreamEncoder.payloadPart(served.body())));
    }

    private static void put(Map<String, String> headers, String name, @org.jspecify.annotations.Nullable String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
