package dev.stowage.local.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A JSON 1.1 call signed as the SDKs sign it, for members newer than the Java SDK on this project's Maven mirror
 * ({@code InstancePools}, {@code Specifications}, {@code PlacementStatus}): what boto3 on the current service model
 * sends and reads.
 */
final class SignedJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedJson() {}

    /** Calls {@code target} ({@code SageMaker.CreateEndpointConfig}, say); fails unless it answers 200. */
    static JsonNode call(URI base, String target, String body) {
        HttpRequest request = request(
                base,
                Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", target),
                body,
                "sagemaker",
                RunningStowage.SECRET_KEY);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(target + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /} with these headers and body, signed for {@code service} with the local access key. */
    static HttpRequest request(URI base, Map<String, String> headers, String body, String service, String secret) {
        SdkHttpRequest.Builder request =
                SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(base.resolve("/"));
        headers.forEach(request::putHeader);
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(RunningStowage.ACCESS_KEY, secret))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, RunningStowage.REGION))
                .request();
        HttpRequest.Builder out = HttpRequest.newBuilder(signed.getUri());
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> out.header(name, value));
            }
        });
        return out.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
