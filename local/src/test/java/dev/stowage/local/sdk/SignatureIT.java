package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.auth.scheme.SageMakerAuthSchemeProvider;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** Local mode refuses what AWS refuses: a wrong secret, an unknown access key, no signature at all. */
class SignatureIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    @Test
    void aWrongSecretKeyIsAnInvalidSignature() {
        assertRefused(RunningStowage.ACCESS_KEY, "not-the-secret", "InvalidSignatureException");
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        assertRefused("AKIDUNKNOWN", RunningStowage.SECRET_KEY, "UnrecognizedClientException");
    }

    @Test
    void theRightCredentialsAreServed() {
        long before = STOWAGE.eventCount();
        STOWAGE.sageMaker().createModel(b -> b.modelName("signed"));
        assertThat(STOWAGE.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aClientSigningForApiGatewayIsServedAsOnAws() {
        long before = STOWAGE.eventCount();
        try (SageMakerClient client = SageMakerClient.builder()
                .endpointOverride(STOWAGE.running().baseUri())
                .region(Region.of(RunningStowage.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(RunningStowage.ACCESS_KEY, RunningStowage.SECRET_KEY)))
                .authSchemeProvider(
                        params -> SageMakerAuthSchemeProvider.defaultProvider().resolveAuthScheme(params).stream()
                                .map(option -> option.toBuilder()
                                        .putSignerProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                                        .build())
                                .toList())
                .build()) {
            client.createModel(b -> b.modelName("signed-for-api-gateway"));
        }
        assertThat(STOWAGE.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() throws Exception {
        long before = STOWAGE.eventCount();
        HttpRequest request = HttpRequest.newBuilder(STOWAGE.running().baseUri().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "SageMaker.CreateModel")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ModelName\":\"unsigned\"}"))
                .build();

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .contains("\"__type\":\"MissingAuthenticationTokenException\"")
                .contains("Request is missing Authentication Token");
        assertThat(STOWAGE.eventCount()).isEqualTo(before);
    }

    private static void assertRefused(String accessKey, String secretKey, String errorCode) {
        long before = STOWAGE.eventCount();
        try (SageMakerClient client = STOWAGE.running().sageMaker(accessKey, secretKey)) {
            SageMakerException refused = catchThrowableOfType(
                    SageMakerException.class, () -> client.createModel(b -> b.modelName("refused")));

            assertThat(refused).isNotNull();
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo(errorCode);
        }
        assertThat(STOWAGE.eventCount()).isEqualTo(before);
    }
}
