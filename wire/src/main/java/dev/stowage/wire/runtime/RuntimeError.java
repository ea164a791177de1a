package dev.stowage.wire.runtime;

import org.jspecify.annotations.Nullable;

/**
 * An error of the SageMaker runtime as it goes on the wire: the error code the SDKs map to a typed
 * exception, the HTTP status the service model gives it, the message, and for {@code ModelError} what
 * the model container answered. {@link InvocationResponses#error} encodes it.
 *
 * <table>
 *   <caption>Codes and the Java SDK v2 exceptions they become</caption>
 *   <tr><th>code</th><th>status</th><th>exception</th></tr>
 *   <tr><td>{@code ValidationError}</td><td>400</td><td>{@code ValidationErrorException}</td></tr>
 *   <tr><td>{@code ModelError}</td><td>424</td><td>{@code ModelErrorException}</td></tr>
 *   <tr><td>{@code ModelNotReadyException}</td><td>429</td><td>{@code ModelNotReadyException}</td></tr>
 *   <tr><td>{@code ThrottlingException}</td><td>429</td><td>{@code SageMakerRuntimeException} (retried)</td></tr>
 *   <tr><td>{@code InternalFailure}</td><td>500</td><td>{@code InternalFailureException}</td></tr>
 *   <tr><td>{@code ServiceUnavailable}</td><td>503</td><td>{@code ServiceUnavailableException}</td></tr>
 * </table>
 *
 * @param code the error code, unqualified (a shape name of the runtime model, or {@code ThrottlingException})
 * @param status the HTTP status
 * @param message the text clients show
 * @param model what the model container answered; only for {@code ModelError}
 */
public record RuntimeError(String code, int status, String message, @Nullable ModelFailure model) {

    /** The most characters the model allows in a {@code Message} (and {@code OriginalMessage}). */
    public static final int MAX_MESSAGE = 2048;

    /** The error code of throttling; not modeled by the runtime, so SDKs raise their service exception. */
    public static final String THROTTLING = "ThrottlingException";

    /** A 400 {@code ValidationError}: invalid input, unknown endpoint or component, no capacity. */
    public static RuntimeError validation(String message) {
        return modeled("ValidationError", message);
    }

    /** The service's {@code ValidationError} for an endpoint that does not exist (or not in this account). */
    public static RuntimeError endpointNotFound(String endpointName, String account) {
        return validation("Endpoint " + endpointName + " of account " + account + " not found.");
    }

    /** The service's {@code ValidationError} for an endpoint of inference components invoked without one. */
    public static RuntimeError inferenceComponentRequired() {
        return validation("Inference Component Name header is required for endpoints to which you plan to deploy"
                + " inference components. Please include Inference Component Name header or consider using"
                + " SageMaker models.");
    }

    /**
     * A 424 {@code ModelError}: the model container answered with an error status. The message is the
     * service's: {@code Received client error (400) from <source> with message "<original>".}, followed by
     * {@code See <log stream> for more information.} when the log stream is known.
     *
     * @param source who answered, as the service names it (the variant, e.g. {@code primary}, or the
     *     inference component)
     */
    public static RuntimeError modelError(
            String source, int originalStatusCode, String originalMessage, @Nullable String logStreamArn) {
        String kind = originalStatusCode >= 500 || originalStatusCode == 0 ? "server" : "client";
        String message = "Received " + kind + " error (" + originalStatusCode + ") from " + source
                + " with message \"" + originalMessage + "\"."
                + (logStreamArn == null ? "" : " See " + logStreamArn + " for more information.");
        ModelFailure failure = new ModelFailure(originalStatusCode, truncate(originalMessage), logStreamArn);
        return new RuntimeError("ModelError", RuntimeModel.get().errorStatus("ModelError"), truncate(message), failure);
    }

    /**
     * The service's 424 {@code ModelError} for a model that did not answer within the invocation timeout: it reports
     * original status 0, as SageMaker does.
     */
    public static RuntimeError modelTimedOut(String source) {
        return modelError(
                source,
                0,
                "Your invocation timed out while waiting for a response from container " + source + ". Review the"
                        + " latency metrics for each container in Amazon CloudWatch, resolve the issue, and try again.",
                null);
    }

    /** A 503 {@code ServiceUnavailable}; the SDKs retry it. */
    public static RuntimeError serviceUnavailable(String message) {
        return modeled("ServiceUnavailable", message);
    }

    /** A 500 {@code InternalFailure}; the SDKs retry it. */
    public static RuntimeError internalFailure(String message) {
        return modeled("InternalFailure", message);
    }

    /** A 429 {@code ModelNotReadyException}: the model is still loading; the SDKs retry it. */
    public static RuntimeError modelNotReady(String message) {
        return modeled("ModelNotReadyException", message);
    }

    /**
     * A 429 {@code ThrottlingException}: every copy is at its concurrency limit and no queue room is left.
     * The real service answers 400 with no message here (DESIGN §1: Stowage says why); 429 makes the SDKs
     * treat it as throttling and back off before retrying.
     */
    public static RuntimeError throttled(String message) {
        return new RuntimeError(THROTTLING, 429, truncate(message), null);
    }

    /** A 404 {@code UnknownOperationException}: the method or path is not a runtime operation's. */
    public static RuntimeError unknownOperation(String method, String path) {
        return new RuntimeError("UnknownOperationException", 404, "No operation matches " + method + " " + path, null);
    }

    /** This error thrown. */
    public RuntimeErrorException exception() {
        return new RuntimeErrorException(this);
    }

    private static RuntimeError modeled(String code, String message) {
        return new RuntimeError(code, RuntimeModel.get().errorStatus(code), truncate(message), null);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE);
    }

    /**
     * What the model container answered, as {@code ModelError} reports it.
     *
     * @param originalStatusCode the container's HTTP status
     * @param originalMessage the container's response body as text
     * @param logStreamArn the ARN of the copy's log stream, when known
     */
    public record ModelFailure(int originalStatusCode, String originalMessage, @Nullable String logStreamArn) {}
}
