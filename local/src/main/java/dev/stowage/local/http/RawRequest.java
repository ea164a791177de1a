package dev.stowage.local.http;

/**
 * Where the request as the client sent it can be found in an {@link
 * com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent} built by {@link LocalHttpServer}. The
 * event's {@code path} and query parameter maps are decoded, but a SigV4 check needs the bytes that were signed: the
 * raw path and raw query are kept in {@code requestContext.authorizer} under these keys (the raw path also in {@code
 * requestContext.path}). The raw query is absent when the request had none. Handlers live in a module that cannot
 * see this class, so the keys are the contract; they are plain strings on purpose.
 */
public final class RawRequest {
    /** Key of the raw (still percent-encoded) path, e.g. {@code /endpoints/my%20ep/invocations}. */
    public static final String RAW_PATH = "stowage.rawPath";

    /** Key of the raw query string without the {@code ?}, e.g. {@code a=1&b=%2F}. */
    public static final String RAW_QUERY = "stowage.rawQuery";

    private RawRequest() {}
}
