package dev.stowage.functions.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.functions.protocol.Headers;
import dev.stowage.functions.protocol.RequestValidator;
import dev.stowage.functions.protocol.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code InvokeEndpoint} or {@code InvokeEndpointWithResponseStream} request. Every member
 * the runtime model binds to a header is read from the header the model names for the operation (so
 * {@code accept} comes from {@code Accept} on {@code InvokeEndpoint} and from {@code
 * X-Amzn-SageMaker-Accept} on the streaming call); headers the operation does not bind are ignored, as
 * SageMaker strips them. A member absent from the request is {@code null}.
 *
 * @param operation which of the two operations
 * @param endpointName the endpoint, from the URI
 * @param body the request body, at most 6 MiB (not copied: do not modify)
 * @param inferenceComponentName {@code X-Amzn-SageMaker-Inference-Component}: the IC to invoke
 * @param targetModel only bound on {@code InvokeEndpoint}
 * @param enableExplanations only bound on {@code InvokeEndpoint}
 * @param sessionId {@code NEW_SESSION} (only on {@code InvokeEndpoint}) or a session id
 */
public record InvocationRequest(
        RuntimeOperation operation,
        String endpointName,
        byte[] body,
        @Nullable String contentType,
        @Nullable String accept,
        @Nullable String customAttributes,
        @Nullable String targetModel,
        @Nullable String targetVariant,
        @Nullable String targetContainerHostname,
        @Nullable String inferenceId,
        @Nullable String enableExplanations,
        @Nullable String inferenceComponentName,
        @Nullable String sessionId) {

    /**
     * Parses an API Gateway REST proxy event: the path from {@code requestContext.path} (raw) or {@code
     * path}, headers from {@code multiValueHeaders} or {@code headers}, the body base64-decoded when
     * {@code isBase64Encoded}.
     *
     * @throws RuntimeErrorException {@code UnknownOperationException} for another path or method, {@code
     *     ValidationError} for a body over 6 MiB or a member that breaks the model's constraints
     */
    public static InvocationRequest fromEvent(APIGatewayProxyRequestEvent event) {
        String path =
                event.getRequestContext() != null && event.getRequestContext().getPath() != null
                        ? event.getRequestContext().getPath()
                        : Objects.requireNonNullElse(event.getPath(), "");
        String method = Objects.requireNonNullElse(event.getHttpMethod(), "POST");
        return parse(method, path, headers(event), body(event));
    }

    /**
     * Parses a request as any HTTP server receives it (what {@link #fromEvent} does after unwrapping).
     *
     * @param path the request path, raw or decoded
     * @throws RuntimeErrorException as {@link #fromEvent}
     */
    public static InvocationRequest parse(String method, String path, Headers headers, byte[] body) {
        RuntimePath target = RuntimePath.parse(path)
                .filter(p -> method.equalsIgnoreCase("POST"))
                .orElseThrow(() -> RuntimeError.unknownOperation(method, path).exception());
        RuntimeModel model = RuntimeModel.get();
        if (body.length > model.maxBodyBytes()) {
            throw RuntimeError.validation("Request body of " + body.length + " bytes is larger than "
                            + target.operation().operationName() + " accepts: at most " + model.maxBodyBytes()
                            + " bytes (6 MiB).")
                    .exception();
        }
        Map<String, String> members = new HashMap<>();
        model.requestHeaders(target.operation())
                .forEach((member, header) -> headers.first(header).ifPresent(value -> members.put(member, value)));
        validate(target, members);
        return new InvocationRequest(
                target.operation(),
                target.endpointName(),
                body,
                members.get("ContentType"),
                members.get("Accept"),
                members.get("CustomAttributes"),
                members.get("TargetModel"),
                members.get("TargetVariant"),
                members.get("TargetContainerHostname"),
                members.get("InferenceId"),
                members.get("EnableExplanations"),
                members.get("InferenceComponentName"),
                members.get("SessionId"));
    }

    /** Whether the request is {@code InvokeEndpointWithResponseStream}. */
    public boolean streaming() {
        return operation.streaming();
    }

    private static void validate(RuntimePath target, Map<String, String> members) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("EndpointName", target.endpointName());
        // The body's only constraint, its size, is checked above without base64-encoding 6 MiB for it.
        input.put("Body", "");
        members.forEach(input::put);
        List<Violation> violations =
                RuntimeModel.get().validator().validate(target.operation().operationName(), input);
        if (!violations.isEmpty()) {
            throw RuntimeError.validation(RequestValidator.message(violations)).exception();
        }
    }

    private static Headers headers(APIGatewayProxyRequestEvent event) {
        Map<String, List<String>> multi = event.getMultiValueHeaders();
        if (multi != null && !multi.isEmpty()) {
            return Headers.of(multi);
        }
        return Headers.ofSingle(event.getHeaders() == null ? Map.of() : event.getHeaders());
    }

    private static byte[] body(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (!Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw RuntimeError.validation("The request body is not valid base64.")
                    .exception();
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof InvocationRequest that
                && operation == that.operation
                && endpointName.equals(that.endpointName)
                && Arrays.equals(body, that.body)
                && Objects.equals(contentType, that.contentType)
                && Objects.equals(accept, that.accept)
                && Objects.equals(customAttributes, that.customAttributes)
                && Objects.equals(targetModel, that.targetModel)
                && Objects.equals(targetVariant, that.targetVariant)
                && Objects.equals(targetContainerHostname, that.targetContainerHostname)
                && Objects.equals(inferenceId, that.inferenceId)
                && Objects.equals(enableExplanations, that.enableExplanations)
                && Objects.equals(inferenceComponentName, that.inferenceComponentName)
                && Objects.equals(sessionId, that.sessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, endpointName, Arrays.hashCode(body), inferenceComponentName, inferenceId);
    }

    /** Leaves the body and custom attributes out: the model marks both sensitive. */
    @Override
    public String toString() {
        return "InvocationRequest[" + operation.operationName() + " endpoint=" + endpointName + ", component="
                + inferenceComponentName + ", contentType=" + contentType + ", accept=" + accept + ", inferenceId="
                + inferenceId + ", body=" + body.length + " bytes]";
    }
}
