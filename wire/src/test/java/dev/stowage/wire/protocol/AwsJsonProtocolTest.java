package dev.stowage.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsJsonProtocolTest {

    private static final AwsJsonProtocol PROTOCOL = AwsJsonProtocol.standard();
    private static final String JSON_11 = "application/x-amz-json-1.1";

    private static Headers headers(String target, String contentType) {
        // Header names in the case the JDK HttpServer hands them over.
        return Headers.ofSingle(Map.of("X-amz-target", target, "Content-type", contentType));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsASageMakerTarget() {
        JsonRequest request = PROTOCOL.parse(
                headers("SageMaker.DescribeInferenceComponent", JSON_11), bytes("{\"InferenceComponentName\":\"ic\"}"));
        assertThat(request.service().signingName()).isEqualTo("sagemaker");
        assertThat(request.operation().name()).isEqualTo("DescribeInferenceComponent");
        assertThat(request.body().get("InferenceComponentName").asText()).isEqualTo("ic");
    }

    @Test
    void readsAnApplicationAutoScalingTargetWithAnEmptyBody() {
        JsonRequest request = PROTOCOL.parse(
                headers("AnyScaleFrontendService.DescribeScalableTargets", JSON_11 + "; charset=utf-8"), new byte[0]);
        assertThat(request.service().signingName()).isEqualTo("application-autoscaling");
        assertThat(request.operation().name()).isEqualTo("DescribeScalableTargets");
        assertThat(request.body().isEmpty()).isTrue();
    }

    @Test
    void findsTheServiceBeforeParsingForSigning() {
        assertThat(PROTOCOL.service(headers("SageMaker.Anything", JSON_11)).map(ServiceModel::signingName))
                .contains("sagemaker");
        assertThat(PROTOCOL.service(headers("Nope.Anything", JSON_11))).isEmpty();
    }

    @Test
    void unknownTargetsAreUnknownOperationException() {
        for (Headers headers : new Headers[] {
            headers("SageMaker.CreateTrainingJob", JSON_11),
            headers("DynamoDB_20120810.PutItem", JSON_11),
            headers("SageMaker", JSON_11),
            Headers.ofSingle(Map.of("Content-Type", JSON_11)),
            headers("SageMaker.DescribeEndpoint", "text/plain")
        }) {
            assertThatThrownBy(() -> PROTOCOL.parse(headers, bytes("{}")))
                    .isInstanceOfSatisfying(WireException.class, e -> {
                        assertThat(e.error().code()).isEqualTo("UnknownOperationException");
                        assertThat(e.error().status()).isEqualTo(400);
                        assertThat(e.error().message()).startsWith("No operation answers ");
                    });
        }
    }

    @Test
    void unparsableBodiesAreSerializationException() {
        // A value followed by anything (issue 13: the fuzzer's "{...} x" and "{...}}" were read as their first value).
        for (String body : new String[] {"{", "[]", "\"text\"", "not json", "{} x", "{\"a\":1}}", "{}{}"}) {
            assertThatThrownBy(() -> PROTOCOL.parse(headers("SageMaker.DescribeEndpoint", JSON_11), bytes(body)))
                    .isInstanceOfSatisfying(WireException.class, e -> {
                        assertThat(e.error().code()).isEqualTo("SerializationException");
                        assertThat(e.error().status()).isEqualTo(400);
                        assertThat(e.error().message()).isNotBlank();
                    });
        }
    }

    @Test
    void twoTargetsNameNoOperation() {
        // Issue 13: with X-Amz-Target twice, the first was served.
        Headers twice = Headers.of(Map.of(
                "X-Amz-Target", List.of("SageMaker.DescribeEndpoint", "SageMaker.DeleteEndpoint"),
                "Content-Type", List.of(JSON_11)));
        assertThatThrownBy(() -> PROTOCOL.parse(twice, bytes("{}")))
                .isInstanceOfSatisfying(
                        WireException.class, e -> assertThat(e.error().code()).isEqualTo("UnknownOperationException"));
    }

    @Test
    void readsNumbersExactly() {
        // Issue 13: 0.99999999999999999999 was read as the double 1.0, and so taken as a whole number.
        JsonRequest request = PROTOCOL.parse(
                headers("SageMaker.DescribeEndpoint", JSON_11), bytes("{\"A\":0.99999999999999999999,\"B\":1e400}"));
        assertThat(request.body().get("A").decimalValue()).isEqualTo(new BigDecimal("0.99999999999999999999"));
        assertThat(request.body().get("B").decimalValue()).isEqualTo(new BigDecimal("1e400"));
    }

    @Test
    void encodesErrorsWithTypeAndMessage() {
        assertThat(new String(
                        AwsJsonProtocol.encodeError(WireError.validation("Could not find inference component \"x\".")),
                        StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"__type\":\"ValidationException\",\"message\":\"Could not find inference component \\\"x\\\".\"}");
        // Issue 13: every error carries a message, even those Coral sends without one.
        assertThat(new String(
                        AwsJsonProtocol.encodeError(AwsJsonProtocol.unknownOperation("SageMaker.Fuzz")),
                        StandardCharsets.UTF_8))
                .startsWith("{\"__type\":\"UnknownOperationException\",\"message\":\"No operation answers X-Amz-Target"
                        + " 'SageMaker.Fuzz' here");
        assertThat(new WireError("SerializationException", null, 400).message())
                .isEqualTo("SerializationException (no further detail)");
        // Issue 13: a lone surrogate failed the error's encoding (502); megabytes of quoted values made it unreadable.
        assertThat(new WireError("ValidationException", "Unexpected '\uD83D' in \uD83D\uDE42", 400).message())
                .isEqualTo("Unexpected '\uFFFD' in \uD83D\uDE42");
        assertThat(new WireError("ValidationException", "z".repeat(10_000_000), 400).message())
                .hasSize(WireError.MAX_MESSAGE_CHARS + 1)
                .endsWith("z…");
    }
}
