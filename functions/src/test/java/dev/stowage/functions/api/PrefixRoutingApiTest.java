package dev.stowage.functions.api;

import static dev.stowage.functions.api.InMemoryApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a variant's RoutingConfig takes Stowage's own STOWAGE_PREFIX_AWARE (ADR 29) besides the service's
 * values, and anything else is refused with the enum's usual error, listing Stowage's value too.
 */
class PrefixRoutingApiTest {
    private static final String ROLE = "'ExecutionRoleArn':'arn:aws:iam::123456789012:role/r'";
    private final InMemoryApi api = new InMemoryApi();

    @Test
    void a_variant_may_route_by_prefix_and_describe_shows_it() throws Exception {
        APIGatewayProxyResponseEvent created = call("SageMaker.CreateEndpointConfig", config("STOWAGE_PREFIX_AWARE"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(200);

        APIGatewayProxyResponseEvent described = call("SageMaker.DescribeEndpointConfig", "{'EndpointConfigName':'c'}");
        assertThat(body(described)
                        .at("/ProductionVariants/0/RoutingConfig/RoutingStrategy")
                        .asText())
                .isEqualTo("STOWAGE_PREFIX_AWARE");
    }

    @Test
    void any_other_value_is_refused_naming_every_value_stowage_takes() throws Exception {
        APIGatewayProxyResponseEvent refused = call("SageMaker.CreateEndpointConfig", config("PREFIX_AWARE"));

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(body(refused).path("__type").asText()).isEqualTo("ValidationException");
        assertThat(body(refused).path("message").asText())
                .contains("Member must satisfy enum value set: [LEAST_OUTSTANDING_REQUESTS, RANDOM,"
                        + " STOWAGE_PREFIX_AWARE]");
    }

    private static String config(String strategy) {
        return "{'EndpointConfigName':'c'," + ROLE + ",'ProductionVariants':[{'VariantName':'v',"
                + "'InitialInstanceCount':1,'InstanceType':'ml.g5.12xlarge','RoutingConfig':{'RoutingStrategy':'"
                + strategy + "'}}]}";
    }

    private APIGatewayProxyResponseEvent call(String target, String body) {
        return api.call("/", target, body);
    }
}
