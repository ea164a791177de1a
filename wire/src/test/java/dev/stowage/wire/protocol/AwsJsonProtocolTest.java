package dev.stowage.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
                    .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.error())
                            .isEqualTo(new WireError("UnknownOperationException", null, 400)));
        }
    }

    @Test
    void unparsableBodiesAreSerializationException() {
        for (String body : new String[] {"{", "[]", "\"text\"", "not json"}) {
            assertThatThrownBy(() -> PROTOCOL.parse(headers("SageMaker.DescribeEndpoint", JSON_11), bytes(body)))
                    .isInstanceOfSatisfying(WireException.class, e -> {
                        assertThat(e.error().code()).isEqualTo("SerializationException");
                        assertThat(e.error().status()).isEqualTo(400);
                    });
        }
    }

    @Test
    void encodesErrorsWithTypeAndMessage() {
        assertThat(new String(
                        AwsJsonProtocol.encodeError(WireError.validation("Could not find inference component \"x\".")),
                        StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"__type\":\"ValidationException\",\"message\":\"Could not find inference component \\\"x\\\".\"}");
        assertThat(new String(AwsJsonProtocol.encodeError(AwsJsonProtocol.unknownOperation()), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }
}
