package dev.stowage.local.sdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;

/** InvokeEndpointWithResponseStream through the SDK's async client, its payload parts collected in order. */
final class ResponseStreams {
    private ResponseStreams() {}

    /** The payload parts of one streamed call with a JSON {@code body}, as text, once the stream ended (60 s at most). */
    static List<String> parts(SageMakerRuntimeAsyncClient client, String endpoint, String component, String body)
            throws Exception {
        List<String> parts = new CopyOnWriteArrayList<>();
        client.invokeEndpointWithResponseStream(
                        b -> b.endpointName(endpoint)
                                .inferenceComponentName(component)
                                .contentType("application/json")
                                .body(SdkBytes.fromUtf8String(body)),
                        InvokeEndpointWithResponseStreamResponseHandler.builder()
                                .subscriber(InvokeEndpointWithResponseStreamResponseHandler.Visitor.builder()
                                        .onPayloadPart(
                                                part -> parts.add(part.bytes().asUtf8String()))
                                        .build())
                                .build())
                .get(60, TimeUnit.SECONDS);
        return List.copyOf(parts);
    }
}
