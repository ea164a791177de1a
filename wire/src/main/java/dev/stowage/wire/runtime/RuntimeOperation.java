package dev.stowage.wire.runtime;

/** The runtime operations Stowage serves, with the last segment of their request URI. */
public enum RuntimeOperation {
    /** {@code POST /endpoints/{EndpointName}/invocations}: one request, one response body. */
    INVOKE_ENDPOINT("InvokeEndpoint", "invocations"),
    /** {@code POST /endpoints/{EndpointName}/invocations-response-stream}: an event-stream response. */
    INVOKE_ENDPOINT_WITH_RESPONSE_STREAM("InvokeEndpointWithResponseStream", "invocations-response-stream");

    private final String operationName;
    private final String pathSuffix;

    RuntimeOperation(String operationName, String pathSuffix) {
        this.operationName = operationName;
        this.pathSuffix = pathSuffix;
    }

    /** The operation's name in the service model, e.g. {@code InvokeEndpoint}. */
    public String operationName() {
        return operationName;
    }

    /** The URI segment after the endpoint name, e.g. {@code invocations}. */
    public String pathSuffix() {
        return pathSuffix;
    }

    /** Whether the response is an AWS event stream ({@link EventStreamEncoder}). */
    public boolean streaming() {
        return this == INVOKE_ENDPOINT_WITH_RESPONSE_STREAM;
    }
}
