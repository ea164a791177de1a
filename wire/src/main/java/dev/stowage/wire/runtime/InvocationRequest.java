package dev.stowage.wire.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.RequestValidator;
import dev.stowage.wire.protocol.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Parses a request as an HTTP server receives it.
     *
     * @param path the request path, raw or decoded
     * @throws RuntimeErrorException {@code UnknownOperationException} for another path or method, {@code
     *     ValidationError} for a body over 6 MiB or a member that breaks the model's constraints
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
}
