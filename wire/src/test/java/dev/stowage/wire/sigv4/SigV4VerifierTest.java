package dev.stowage.wire.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigV4VerifierTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String ENDPOINT = "https://localhost:8443/";
    private static final String BODY = "{\"InferenceComponentName\":\"ic\"}";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";
    private static final SigV4Verifier VERIFIER = SigV4Verifier.local(CLOCK);

    private static Map<String, List<String>> jsonHeaders() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-amz-json-1.1"));
        headers.put("X-Amz-Target", List.of("SageMaker.DescribeInferenceComponent"));
        return headers;
    }

    private static SignedRequest sdkSigned(String service, String region, String key, Clock clock) {
        return SdkSigning.sign(ENDPOINT, jsonHeaders(), BODY, service, region, key, "test", clock);
    }

    private static SignedRequest sdkSigned() {
        return sdkSigned("sagemaker", "us-east-1", "test", CLOCK);
    }

    private static SignedRequest withHeader(SignedRequest request, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header : List.of(
                "Authorization", "X-Amz-Date", "Host", "Content-Type", "X-Amz-Target", "x-amz-content-sha256")) {
            if (request.headers().contains(header)) {
                headers.put(header, request.headers().all(header));
            }
        }
        headers.put(name, List.of(value));
        return new SignedRequest(
                request.method(), request.rawPath(), request.rawQuery(), Headers.of(headers), request.body());
    }

    private static void assertRejected(SignedRequest request, String service, WireError expected) {
        assertThatThrownBy(() -> VERIFIER.verify(request, service))
                .isInstanceOfSatisfying(
                        WireException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    @Test
    void acceptsARequestSignedByTheSdk() {
        SignedRequest request = sdkSigned();
        assertThat(request.headers().contains("x-amz-content-sha256")).isTrue();
        assertThat(VERIFIER.verify(request, "sagemaker")).isEqualTo("test");
    }

    @Test
    void acceptsEveryServiceNameTheCallerBelongsTo() {
        for (String service : List.of("sagemaker", "application-autoscaling", "execute-api")) {
            assertThat(VERIFIER.verify(sdkSigned(service, "us-east-1", "test", CLOCK), service))
                    .isEqualTo("test");
        }
    }

    @Test
    void acceptsAnyOfSeveralNamesAndNamesTheFirstWhenNoneMatches() {
        List<String> names = List.of("sagemaker", "execute-api");
        assertThat(VERIFIER.verify(sdkSigned("execute-api", "us-east-1", "test", CLOCK), names))
                .isEqualTo("test");
        assertThatThrownBy(() -> VERIFIER.verify(sdkSigned("monitoring", "us-east-1", "test", CLOCK), names))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.error())
                        .isEqualTo(new WireError(
                                "InvalidSignatureException",
                                "Credential should be scoped to correct service: 'sagemaker'. ",
                                403)));
    }

    @Test
    void rejectsAMissingAuthorization() {
        SignedRequest unsigned =
                new SignedRequest("POST", "/", "", Headers.ofSingle(Map.of("Host", "localhost")), new byte[0]);
        assertRejected(
                unsigned,
                "sagemaker",
                new WireError("MissingAuthenticationTokenException", "Request is missing Authentication Token", 403));
    }

    @Test
    void rejectsAnUnknownAccessKey() {
        assertRejected(
                sdkSigned("sagemaker", "us-east-1", "AKIDUNKNOWN", CLOCK),
                "sagemaker",
                new WireError(
                        "UnrecognizedClientException", "The security token included in the request is invalid.", 403));
    }

    @Test
    void rejectsAWrongSecret() {
        SignedRequest request =
                SdkSigning.sign(ENDPOINT, jsonHeaders(), BODY, "sagemaker", "us-east-1", "test", "nope", CLOCK);
        assertRejected(request, "sagemaker", new WireError("InvalidSignatureException", MISMATCH, 403));
    }

    @Test
    void rejectsATamperedHeader() {
        SignedRequest request = withHeader(sdkSigned(), "X-Amz-Target", "SageMaker.DeleteInferenceComponent");
        assertRejected(request, "sagemaker", new WireError("InvalidSignatureException", MISMATCH, 403));
    }

    @Test
    void a_request_signed_without_its_target_does_not_run_as_the_target_it_carries() {
        Map<String, List<String>> noTarget = new LinkedHashMap<>(jsonHeaders());
        noTarget.remove("X-Amz-Target");
        SignedRequest signed =
                SdkSigning.sign(ENDPOINT, noTarget, BODY, "sagemaker", "us-east-1", "test", "test", CLOCK);
        SignedRequest replayed = withHeader(signed, "X-Amz-Target", "SageMaker.DeleteInferenceComponent");

        assertRejected(
                replayed,
                "sagemaker",
                new WireError(
                        "IncompleteSignatureException",
                        "'x-amz-target' must be a 'SignedHeader' in the AWS Authorization.",
                        400));
        assertRejected(
                withHeader(sdkSigned(), "X-Amz-Security-Token", "stolen"),
                "sagemaker",
                new WireError(
                        "IncompleteSignatureException",
                        "'x-amz-security-token' must be a 'SignedHeader' in the AWS Authorization.",
                        400));
    }

    @Test
    void rejectsATamperedBody() {
        SignedRequest signed = sdkSigned();
        SignedRequest tampered = new SignedRequest(
                signed.method(),
                signed.rawPath(),
                signed.rawQuery(),
                signed.headers(),
                "{\"InferenceComponentName\":\"other\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(tampered, "sagemaker", new WireError("InvalidSignatureException", MISMATCH, 403));
    }

    @Test
    void rejectsATamperedDate() {
        SignedRequest request = withHeader(sdkSigned(), "X-Amz-Date", "20261125T120100Z");
        assertRejected(request, "sagemaker", new WireError("InvalidSignatureException", MISMATCH, 403));
    }

    @Test
    void rejectsARequestSignedMoreThanFifteenMinutesAgo() {
        Clock then = Clock.fixed(T0.minus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        assertRejected(
                sdkSigned("sagemaker", "us-east-1", "test", then),
                "sagemaker",
                new WireError(
                        "InvalidSignatureException",
                        "Signature expired: 20261125T114400Z is now earlier than 20261125T114500Z (20261125T120000Z - 15 min.)",
                        403));
        Clock withinSkew = Clock.fixed(T0.minus(Duration.ofMinutes(14)), ZoneOffset.UTC);
        assertThat(VERIFIER.verify(sdkSigned("sagemaker", "us-east-1", "test", withinSkew), "sagemaker"))
                .isEqualTo("test");
    }

    @Test
    void rejectsARequestFromTheFuture() {
        Clock later = Clock.fixed(T0.plus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        assertRejected(
                sdkSigned("sagemaker", "us-east-1", "test", later),
                "sagemaker",
                new WireError(
                        "InvalidSignatureException",
                        "Signature not yet current: 20261125T121600Z is still later than 20261125T121500Z (20261125T120000Z + 15 min.)",
                        403));
    }

    @Test
    void rejectsAnotherRegionOrService() {
        assertRejected(
                sdkSigned("sagemaker", "eu-west-1", "test", CLOCK),
                "sagemaker",
                new WireError(
                        "InvalidSignatureException",
                        "Credential should be scoped to a valid region, not 'eu-west-1'. ",
                        403));
        assertRejected(
                sdkSigned("sagemaker", "us-east-1", "test", CLOCK),
                "application-autoscaling",
                new WireError(
                        "InvalidSignatureException",
                        "Credential should be scoped to correct service: 'application-autoscaling'. ",
                        403));
    }

    @Test
    void acceptsPathsAndQueriesWithSpecialCharactersAndMultiValuedHeaders() {
        Map<String, List<String>> headers = jsonHeaders();
        headers.put("X-Amzn-SageMaker-Custom-Attributes", List.of("  a   b  ", "c=d"));
        SignedRequest request = SdkSigning.sign(
                "https://localhost:8443/endpoints/my%20endpoint/invocations?b=2&a=x%2Fy&a=space%20here&empty=&t=%E2%9C%93~",
                headers, BODY, "sagemaker", "us-east-1", "test", "test", CLOCK);
        assertThat(request.headers().all("X-Amzn-SageMaker-Custom-Attributes")).hasSize(2);
        assertThat(VERIFIER.verify(request, "sagemaker")).isEqualTo("test");
    }

    @Test
    void verifiesTheDocumentedIamExample() {
        // The worked example of the AWS SigV4 documentation (GET IAM ListUsers), signed outside the SDK.
        Clock then = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);
        SigV4Verifier verifier = new SigV4Verifier(
                key -> Optional.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").filter(s -> key.equals("AKIDEXAMPLE")),
                "us-east-1",
                then);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        headers.put("HOST", List.of("iam.amazonaws.com"));
        headers.put("x-amz-date", List.of("20150830T123600Z"));
        headers.put(
                "Authorization",
                List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-date,"
                        + " Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"));
        SignedRequest request =
                new SignedRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", Headers.of(headers), new byte[0]);
        assertThat(verifier.verify(request, "iam")).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void rejectsAMalformedAuthorization() {
        SignedRequest request = withHeader(
                sdkSigned(),
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/sagemaker/aws4_request");
        assertThatThrownBy(() -> VERIFIER.verify(request, "sagemaker"))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("IncompleteSignatureException");
                    assertThat(e.error().message()).startsWith("Authorization header requires 'Signature' parameter.");
                });
    }
}
