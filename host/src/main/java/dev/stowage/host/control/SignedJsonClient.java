package dev.stowage.host.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Calls one AWS JSON 1.1 service at one URL (the API's {@code <stage URL>/host}), signing every request with SigV4
 * for API Gateway's IAM authorization (signing name {@code execute-api}). Retries, with {@link Backoff}, what may
 * succeed later: no answer, 429, 5xx and {@code ThrottlingException}; any other error is thrown as a {@link
 * ControlPlaneException}. Thread-safe.
 */
public final class SignedJsonClient {
    /** API Gateway's signing name. */
    public static final String SIGNING_NAME = "execute-api";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    // java.net.http sets these itself and refuses them from callers; they are signed with the values it sends.
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final String targetPrefix;
    private final String region;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final Backoff backoff;
    private final HttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public SignedJsonClient(
            URI url,
            String targetPrefix,
            String region,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials,
            Backoff backoff) {
        this.url = url;
        this.targetPrefix = targetPrefix;
        this.region = region;
        this.credentials = credentials;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** The output of {@code operation}, retried as the class says. */
    public JsonNode call(String operation, ObjectNode input) {
        byte[] body = input.toString().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            try {
                return once(operation, body);
            } catch (ControlPlaneException e) {
                if (!retryable(e) || attempt >= backoff.attempts()) {
                    throw e;
                }
            }
            try {
                Thread.sleep(backoff.delay(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ControlPlaneException("Interrupted", operation, 0, e);
            }
        }
    }

    private JsonNode once(String operation, byte[] body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header :
                sign(operation, body).headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ControlPlaneException("IOException", e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneException("Interrupted", operation, 0, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String type = answer.path("__type").asText("HTTP" + response.statusCode());
            throw new ControlPlaneException(
                    type.substring(type.lastIndexOf('#') + 1),
                    answer.path("message").asText(answer.path("Message").asText(null)),
                    response.statusCode(),
                    null);
        }
        return answer;
    }

    private SdkHttpRequest sign(String operation, byte[] body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .uri(url)
                .method(SdkHttpMethod.POST)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        return signer.sign(r -> r.identity(identity)
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME))
                .request();
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static boolean retryable(ControlPlaneException e) {
        return e.status() == 0 && !e.code().equals("Interrupted")
                || e.status() == 429
                || e.status() >= 500
                || e.code().equals("ThrottlingException");
    }
}
