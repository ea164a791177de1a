package dev.stowage.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.store.InMemoryEventStore;
import org.junit.jupiter.api.Test;

/** The handler that ships to Lambda, on in-memory stores: wire parsing, validation, errors. */
class ApiHandlerTest {
    private final InMemoryApi api = new InMemoryApi();
    private final InMemoryEventStore events = api.events;

    private APIGatewayProxyResponseEvent call(String target, String body) {
        return api.call("/", target, body);
    }

    private static JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
        return InMemoryApi.body(response);
    }

    @Test
    void creates_and_describes_a_model_with_epoch_second_timestamps() throws Exception {
        var created = call("SageMaker.CreateModel", "{'ModelName':'m','PrimaryContainer':{'Image':'stowage/echo'}}");
        assertThat(created.getStatusCode()).isEqualTo(200);
        assertThat(body(created).get("ModelArn").asText())
                .isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:model/m");

        JsonNode described = body(call("SageMaker.DescribeModel", "{'ModelName':'m'}"));
        assertThat(described.get("PrimaryContainer").get("Image").asText()).isEqualTo("stowage/echo");
        assertThat(described.get("CreationTime").isNumber()).isTrue();
        assertThat(described.get("CreationTime").asDouble()).isEqualTo(1767225600.0);
    }

    @Test
    void members_the_model_does_not_define_are_neither_stored_nor_echoed_back() throws Exception {
        var created = call(
                "SageMaker.CreateModel",
                "{'ModelName':'m','Padding':'" + "x".repeat(1 << 20) + "','PrimaryContainer':{'Image':'stowage/echo',"
                        + "'Secret':'s','Environment':{'A':'1'}}}");
        assertThat(created.getStatusCode()).isEqualTo(200);

        JsonNode described = body(call("SageMaker.DescribeModel", "{'ModelName':'m'}"));
        assertThat(described.has("Padding")).isFalse();
        assertThat(described.get("PrimaryContainer").toString())
                .isEqualTo("{\"Image\":\"stowage/echo\",\"Environment\":{\"A\":\"1\"}}");
    }

    @Test
    void a_list_right_after_a_create_shows_it() throws Exception {
        call("SageMaker.CreateModel", "{'ModelName':'m','PrimaryContainer':{'Image':'stowage/echo'}}");
        JsonNode listed = body(call("SageMaker.ListModels", "{}"));
        assertThat(listed.get("Models")).hasSize(1);
        assertThat(listed.get("Models").get(0).get("ModelName").asText()).isEqualTo("m");
    }

    @Test
    void an_invalid_request_is_a_validation_exception_and_writes_nothing() throws Exception {
        var response = call("SageMaker.CreateModel", "{'ModelName':'bad_name'}");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(body(response).get("message").asText())
                .contains("'modelName'")
                .contains("regular expression");
        assertThat(events.read("model/bad_name")).isEmpty();
    }

    @Test
    void not_found_uses_the_services_text() throws Exception {
        var response = call("SageMaker.DescribeInferenceComponent", "{'InferenceComponentName':'x'}");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(body(response).get("message").asText()).isEqualTo("Could not find inference component \"x\".");
    }

    @Test
    void describes_instance_types_through_stowages_own_service() throws Exception {
        JsonNode described = body(call("Stowage.DescribeInstanceTypes", "{'InstanceTypes':['ml.g5.12xlarge']}"));
        JsonNode type = described.get("InstanceTypes").get(0);
        assertThat(type.get("VCpus").asInt()).isEqualTo(48);
        assertThat(type.get("Accelerators").get("Count").asInt()).isEqualTo(4);
        assertThat(type.get("Allocatable").get("NumberOfAcceleratorDevices").asInt())
                .isEqualTo(4);
        assertThat(body(call("Stowage.DescribeInstanceTypes", "{'InstanceTypes':['ml.t2.medium']}"))
                        .get("message")
                        .asText())
                .isEqualTo("Instance type ml.t2.medium is not supported by Stowage.");
    }

    @Test
    void an_unknown_operation_or_a_broken_body_is_refused_as_aws_does() throws Exception {
        assertThat(body(call("SageMaker.CreateTrainingJob", "{}")).get("__type").asText())
                .isEqualTo("UnknownOperationException");
        assertThat(body(call("SageMaker.ListModels", "{not json")).get("__type").asText())
                .isEqualTo("SerializationException");
    }
}
