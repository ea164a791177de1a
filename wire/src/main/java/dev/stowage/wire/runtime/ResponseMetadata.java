package dev.stowage.wire.runtime;

import org.jspecify.annotations.Nullable;

/**
 * What a successful invocation reports besides its body, in response headers: the same members for the
 * buffered and the streamed response, though the model puts the content type in different headers.
 *
 * @param contentType the model's response content type; {@code null} when the container sent none
 * @param invokedProductionVariant the variant that served the request, e.g. {@code AllTraffic}
 * @param customAttributes the model's {@code X-Amzn-SageMaker-Custom-Attributes}, forwarded verbatim
 * @param newSessionId {@code <session id>; Expires=<time>} when the request opened a stateful session ({@code
 *     InvokeEndpoint} only)
 * @param closedSessionId the session the request closed ({@code InvokeEndpoint} only)
 */
public record ResponseMetadata(
        @Nullable String contentType,
        String invokedProductionVariant,
        @Nullable String customAttributes,
        @Nullable String newSessionId,
        @Nullable String closedSessionId) {

    /** Metadata of an answer that neither opens nor closes a session. */
    public ResponseMetadata(
            @Nullable String contentType, String invokedProductionVariant, @Nullable String customAttributes) {
        this(contentType, invokedProductionVariant, customAttributes, null, null);
    }
}
