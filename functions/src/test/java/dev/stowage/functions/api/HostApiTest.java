package dev.stowage.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.InMemoryLivenessStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.events.FleetEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hosts' service through the handler that ships: only on {@code /host}, validated as the other services. */
class HostApiTest {
    private static final String HEARTBEAT = "{'EndpointName':'ep','VariantName':'AllTraffic','InstanceId':'i-1'}";

    private final InMemoryApi api = new InMemoryApi();
    private final InMemoryEventStore events = api.events;
    private final InMemoryLivenessStore liveness = api.liveness;
    private static final Clock CLOCK = InMemoryApi.CLOCK;

    private APIGatewayProxyResponseEvent call(String path, String target, String body) {
        return api.call(path, target, body);
    }

    private static JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
        return InMemoryApi.body(response);
    }

    @Test
    void the_hosts_service_is_served_on_host_only_and_nothing_else_is() throws Exception {
        var hostOnRoot = call("/", "StowageHost.SendHeartbeat", HEARTBEAT);
        var sageMakerOnHost = call("/host", "SageMaker.CreateModel", "{'ModelName':'m','PrimaryContainer':{}}");

        for (var refused : new APIGatewayProxyResponseEvent[] {hostOnRoot, sageMakerOnHost}) {
            assertThat(refused.getStatusCode()).isEqualTo(400);
            assertThat(body(refused).get("__type").asText()).isEqualTo("UnknownOperationException");
        }
        assertThat(events.read("model/m")).isEmpty();
        assertThat(liveness.lastBeat("fleet/ep/AllTraffic", "i-1")).isEmpty();

        assertThat(call("/host", "StowageHost.SendHeartbeat", HEARTBEAT).getStatusCode())
                .isEqualTo(200);
        assertThat(liveness.lastBeat("fleet/ep/AllTraffic", "i-1")).contains(CLOCK.instant());
    }

    @Test
    void the_host_resource_is_known_by_its_name_behind_a_custom_domains_base_path() {
        var response = api.handle(new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withResource("/host")
                .withPath("/v1/host")
                .withHeaders(Map.of(
                        "X-Amz-Target", "StowageHost.SendHeartbeat", "Content-Type", "application/x-amz-json-1.1"))
                .withBody(HEARTBEAT.replace('\'', '"')));

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void a_host_reads_the_deployments_key_ring_which_stays_the_same_between_reads() throws Exception {
        var first = call("/host", "StowageHost.DescribeHostKeys", HEARTBEAT);
        var again = call("/host", "StowageHost.DescribeHostKeys", HEARTBEAT);

        assertThat(first.getStatusCode()).isEqualTo(200);
        JsonNode keys = body(first).get("Keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("KeyId").asText()).startsWith("hk-");
        assertThat(java.util.Base64.getDecoder()
                        .decode(keys.get(0).get("Secret").asText()))
                .hasSize(32);
        assertThat(body(again).get("Keys")).isEqualTo(keys);
        assertThat(body(first).get("FrontTokens")).isEmpty();
    }

    @Test
    void the_key_ring_is_read_only_by_a_host_naming_its_instance() throws Exception {
        var response =
                call("/host", "StowageHost.DescribeHostKeys", "{'EndpointName':'ep','VariantName':'AllTraffic'}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(body(response).toString()).doesNotContain("Secret");
    }

    @Test
    void invalid_reports_are_validation_exceptions_in_corals_words_and_write_nothing() throws Exception {
        var response = call(
                "/host",
                "StowageHost.RegisterInstance",
                "{'EndpointName':'bad_name','VariantName':'AllTraffic','InstanceId':'i-1','Address':'ftp://h',"
                        + "'Capacity':{'MilliCores':-1,'MemoryInMiB':1024}}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(body(response).get("message").asText())
                .isEqualTo("4 validation errors detected: Value 'bad_name' at 'endpointName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62};"
                        + " Value 'ftp://h' at 'address' failed to satisfy constraint: Member must satisfy regular"
                        + " expression pattern: https?://[^\\s]+; Value '-1' at 'capacity.milliCores' failed to"
                        + " satisfy constraint: Member must have value greater than or equal to 0; Value null at"
                        + " 'capacity.acceleratorDevices' failed to satisfy constraint: Member must not be null");
        assertThat(events.read("fleet/bad_name/AllTraffic")).isEmpty();
        assertThat(liveness.lastBeat("fleet/bad_name/AllTraffic", "i-1")).isEmpty();
    }

    @Test
    void a_failure_report_without_its_reason_is_refused() throws Exception {
        var response = call(
                "/host",
                "StowageHost.ReportCopyFailed",
                "{'EndpointName':'ep','VariantName':'AllTraffic','CopyId':'ic-c1','LogTail':'boom'}");

        assertThat(body(response).get("message").asText())
                .isEqualTo("1 validation error detected: Value null at 'failureReason' failed to satisfy constraint:"
                        + " Member must not be null");
    }

    @Test
    void an_adapter_report_needs_its_specification_time_as_an_iso_instant() throws Exception {
        var response = call(
                "/host",
                "StowageHost.ReportAdapterLoaded",
                "{'EndpointName':'ep','VariantName':'AllTraffic','CopyId':'ic-c1','AdapterName':'tuned',"
                        + "'SpecifiedAt':'yesterday'}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("message").asText())
                .isEqualTo("SpecifiedAt must be an ISO-8601 instant, not \"yesterday\".");
        assertThat(events.read("fleet/ep/AllTraffic")).isEmpty();
    }

    @Test
    void an_instance_the_fleet_did_not_request_cannot_register() throws Exception {
        var response = call(
                "/host",
                "StowageHost.RegisterInstance",
                "{'EndpointName':'ep','VariantName':'AllTraffic','InstanceId':'i-9','Address':'http://10.0.0.9:8080',"
                        + "'Capacity':{'MilliCores':3000,'MemoryInMiB':12000,'AcceleratorDevices':1}}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("message").asText()).isEqualTo("Instance i-9 was not requested by this fleet.");
        assertThat(events.read("fleet/ep/AllTraffic")).isEmpty();
    }

    @Test
    void routing_names_an_endpoint_or_a_component() throws Exception {
        var neither = call("/host", "StowageHost.DescribeRouting", "{}");
        assertThat(body(neither).get("message").asText())
                .isEqualTo("Either EndpointName or InferenceComponentName must be given.");

        var missing = body(call("/host", "StowageHost.DescribeRouting", "{'EndpointName':'nope'}"));
        assertThat(missing.get("Account").asText()).isEqualTo("123456789012");
        assertThat(missing.has("Endpoint")).isFalse();
        assertThat(missing.get("Variants")).isEmpty();
    }

    @Test
    void routing_reads_the_endpoint_its_variants_and_their_fleets() throws Exception {
        call(
                "/",
                "SageMaker.CreateEndpointConfig",
                "{'EndpointConfigName':'cfg','ExecutionRoleArn':'arn:aws:iam::123456789012:role/r',"
                        + "'ProductionVariants':[{'VariantName':'AllTraffic',"
                        + "'InstanceType':'ml.g5.xlarge','InitialInstanceCount':1,"
                        + "'RoutingConfig':{'RoutingStrategy':'RANDOM'}}]}");
        assertThat(call("/", "SageMaker.CreateEndpoint", "{'EndpointName':'ep','EndpointConfigName':'cfg'}")
                        .getStatusCode())
                .isEqualTo(200);

        var routing = body(call("/host", "StowageHost.DescribeRouting", "{'EndpointName':'ep'}"));

        assertThat(routing.at("/Endpoint/EndpointName").asText()).isEqualTo("ep");
        assertThat(routing.at("/Endpoint/ProductionVariants/0/RoutingConfig/RoutingStrategy")
                        .asText())
                .isEqualTo("RANDOM");
        assertThat(routing.at("/Variants/0/VariantName").asText()).isEqualTo("AllTraffic");
        assertThat(routing.at("/Variants/0/Hosts")).isEmpty();

        var created = call(
                "/",
                "SageMaker.CreateInferenceComponent",
                "{'InferenceComponentName':'ic','EndpointName':'ep','VariantName':'AllTraffic','Specification':"
                        + "{'Container':{'Image':'stowage/echo'},'ComputeResourceRequirements':"
                        + "{'NumberOfCpuCoresRequired':1,'MinMemoryRequiredInMb':1024}},'RuntimeConfig':{'CopyCount':1}}");
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(200);
        var byComponent = body(call("/host", "StowageHost.DescribeRouting", "{'InferenceComponentName':'ic'}"));
        assertThat(byComponent.at("/Endpoint/EndpointName").asText()).isEqualTo("ep");
        assertThat(byComponent
                        .at("/InferenceComponents/0/InferenceComponentName")
                        .asText())
                .isEqualTo("ic");
        assertThat(byComponent
                        .at("/InferenceComponents/0/Specification/Container/Image")
                        .asText())
                .isEqualTo("stowage/echo");
    }

    @Test
    void a_heartbeat_tells_how_far_loading_copies_have_come_and_describe_shows_it_while_they_load() throws Exception {
        call(
                "/",
                "SageMaker.CreateEndpointConfig",
                "{'EndpointConfigName':'cfg','ExecutionRoleArn':'arn:aws:iam::123456789012:role/r',"
                        + "'ProductionVariants':[{'VariantName':'AllTraffic','InstanceType':'ml.g5.xlarge',"
                        + "'InitialInstanceCount':1}]}");
        call("/", "SageMaker.CreateEndpoint", "{'EndpointName':'ep','EndpointConfigName':'cfg'}");
        call(
                "/",
                "SageMaker.CreateInferenceComponent",
                "{'InferenceComponentName':'ic','EndpointName':'ep','VariantName':'AllTraffic','Specification':"
                        + "{'Container':{'Image':'repo/model:1'},'ComputeResourceRequirements':"
                        + "{'NumberOfCpuCoresRequired':1,'MinMemoryRequiredInMb':1024}},'RuntimeConfig':{'CopyCount':1}}");
        Instant now = CLOCK.instant();
        events.append(
                StreamIds.fleet("ep", "AllTraffic"),
                0,
                List.of(
                        new FleetEvent.InstanceRequested("i-1", "ml.g5.xlarge", "asked", now),
                        new FleetEvent.InstanceRegistered(
                                "i-1", "http://i-1", new FleetEvent.Capacity(3000, 12000, 1), now),
                        new FleetEvent.CopyScheduled(
                                "ic", "ic-c1", "i-1", List.of(), 1000, 1024, "", "placed", now, now)),
                new AppendContext(now, "t", "t"));

        var beat = call(
                "/host",
                "StowageHost.SendHeartbeat",
                "{'EndpointName':'ep','VariantName':'AllTraffic','InstanceId':'i-1','Loading':"
                        + "[{'CopyId':'ic-c1','Progress':'pulling repo/model:1: 312 of 1,840 MiB'}]}");
        assertThat(beat.getStatusCode()).as(beat.getBody()).isEqualTo(200);

        var described = body(call("/", "SageMaker.DescribeInferenceComponent", "{'InferenceComponentName':'ic'}"));
        assertThat(described.path("FailureReason").asText()).isEqualTo("pulling repo/model:1: 312 of 1,840 MiB");
        assertThat(liveness.loading(StreamIds.fleet("ep", "AllTraffic"), "i-1"))
                .containsEntry("ic-c1", "pulling repo/model:1: 312 of 1,840 MiB");
    }
}
