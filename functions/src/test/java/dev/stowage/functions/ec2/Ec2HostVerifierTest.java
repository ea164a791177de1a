package dev.stowage.functions.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.domain.Arns;
import dev.stowage.domain.MutableClock;
import dev.stowage.domain.alarms.InMemoryAlarmService;
import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.InMemoryLivenessStore;
import dev.stowage.domain.store.InMemorySnapshotStore;
import dev.stowage.domain.views.InMemoryViewStore;
import dev.stowage.functions.api.ApiHandler;
import dev.stowage.functions.api.ApiWiring;
import dev.stowage.functions.config.Stores;
import dev.stowage.functions.hostkeys.InMemoryKeyRingStore;
import dev.stowage.testing.aws.CapturingAwsServer;
import dev.stowage.wire.protocol.Caller;
import dev.stowage.wire.protocol.WireException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** A host speaks only for the instance it is: the role session's EC2 instance and that instance's tags. */
class Ec2HostVerifierTest {
    private static final FleetKey FLEET = new FleetKey("ep", "AllTraffic");
    private static final String HOST_SESSION =
            "arn:aws:sts::123456789012:assumed-role/stowage-HostsRole-1A2B/i-0abc123def4567890";
    private static final Map<String, String> TAGS =
            Map.of(Ec2Tags.DEPLOYMENT, "stowage", Ec2Tags.FLEET, FLEET.stream(), Ec2Tags.INSTANCE, "ep-AllTraffic-1");

    private final CapturingAwsServer server = CapturingAwsServer.start();
    private final Ec2Client ec2 = server.configure(Ec2Client.builder())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final Ec2HostVerifier verifier = new Ec2HostVerifier(ec2, "stowage", clock);

    @AfterEach
    void close() {
        ec2.close();
        server.close();
    }

    @Test
    void the_instance_its_tags_name_is_let_through_and_its_tags_are_read_once_in_ten_minutes() {
        server.respond(request -> Ec2Responses.describeTagged("i-0abc123def4567890", TAGS));

        verifier.verify(Caller.of(HOST_SESSION), FLEET, "ep-AllTraffic-1");
        verifier.verify(Caller.of(HOST_SESSION), FLEET, "ep-AllTraffic-1");
        assertThat(server.requests("DescribeInstances")).hasSize(1);
        assertThat(server.requests("DescribeInstances").getFirst().form())
                .containsEntry("InstanceId.1", "i-0abc123def4567890");

        clock.advance(Ec2HostVerifier.KEEP);
        verifier.verify(Caller.of(HOST_SESSION), FLEET, "ep-AllTraffic-1");
        assertThat(server.requests("DescribeInstances")).hasSize(2);
    }

    @Test
    void a_host_reporting_for_another_instance_or_fleet_is_denied() {
        server.respond(request -> Ec2Responses.describeTagged("i-0abc123def4567890", TAGS));

        assertThat(denied(HOST_SESSION, FLEET, "ep-AllTraffic-2"))
                .isEqualTo("EC2 instance i-0abc123def4567890 is not instance ep-AllTraffic-2 of fleet/ep/AllTraffic"
                        + " in deployment stowage.");
        assertThat(denied(HOST_SESSION, new FleetKey("other", "AllTraffic"), "ep-AllTraffic-1"))
                .contains("is not instance ep-AllTraffic-1 of fleet/other/AllTraffic");
    }

    @Test
    void a_caller_that_is_not_an_instance_session_is_denied_without_asking_ec2() {
        assertThat(denied("arn:aws:iam::123456789012:user/alice", FLEET, "ep-AllTraffic-1"))
                .isEqualTo("Only Stowage's inference hosts may call this operation, and"
                        + " arn:aws:iam::123456789012:user/alice is not an EC2 instance's role session.");
        assertThat(catchThrowableOfType(
                                WireException.class, () -> verifier.verify(Caller.UNKNOWN, FLEET, "ep-AllTraffic-1"))
                        .error()
                        .status())
                .isEqualTo(403);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void an_instance_ec2_does_not_know_is_denied() {
        server.respond(request -> Ec2Responses.ec2Error(400, "InvalidInstanceID.NotFound"));

        assertThat(denied(HOST_SESSION, FLEET, "ep-AllTraffic-1"))
                .startsWith("EC2 instance i-0abc123def4567890 is not");
    }

    @Test
    void the_api_refuses_a_heartbeat_from_another_instance_and_writes_nothing() {
        server.respond(request -> Ec2Responses.describeTagged("i-0abc123def4567890", TAGS));
        InMemoryLivenessStore liveness = new InMemoryLivenessStore();
        Clock fixed = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        ApiHandler handler = new ApiHandler(ApiWiring.of(
                        new Stores(
                                new InMemoryEventStore(),
                                new InMemoryViewStore(),
                                new InMemorySnapshotStore(),
                                liveness,
                                new InMemoryKeyRingStore(),
                                new Arns("us-east-1", "123456789012")),
                        fixed,
                        new InMemoryAlarmService())
                .withHostVerifier(verifier)
                .services());

        APIGatewayProxyResponseEvent response = handler.handleRequest(heartbeat("ep-AllTraffic-2"), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getBody()).contains("AccessDeniedException").contains("is not instance ep-AllTraffic-2");
        assertThat(liveness.lastBeat(FLEET.stream(), "ep-AllTraffic-2")).isEmpty();
        assertThat(handler.handleRequest(heartbeat("ep-AllTraffic-1"), null).getStatusCode())
                .isEqualTo(200);
        assertThat(liveness.lastBeat(FLEET.stream(), "ep-AllTraffic-1")).contains(fixed.instant());

        // A report on a copy the fleet no longer has changes nothing, so a host retrying one is not refused.
        APIGatewayProxyResponseEvent gone = handler.handleRequest(
                request(
                        "StowageHost.ReportCopyRemoved",
                        "{\"EndpointName\":\"ep\",\"VariantName\":\"AllTraffic\","
                                + "\"CopyId\":\"ep-AllTraffic-copy-9\"}"),
                null);
        assertThat(gone.getStatusCode()).as(gone.getBody()).isEqualTo(200);

        // The key ring goes only to the instance it names (ADR 23).
        APIGatewayProxyResponseEvent otherKeys = handler.handleRequest(
                request(
                        "StowageHost.DescribeHostKeys",
                        heartbeat("ep-AllTraffic-2").getBody()),
                null);
        assertThat(otherKeys.getStatusCode()).isEqualTo(403);
        assertThat(otherKeys.getBody()).contains("AccessDeniedException").doesNotContain("Secret");
        assertThat(handler.handleRequest(
                                request(
                                        "StowageHost.DescribeHostKeys",
                                        heartbeat("ep-AllTraffic-1").getBody()),
                                null)
                        .getBody())
                .contains("\"Secret\"");
    }

    private static APIGatewayProxyRequestEvent heartbeat(String instanceId) {
        return request(
                "StowageHost.SendHeartbeat",
                "{\"EndpointName\":\"ep\",\"VariantName\":\"AllTraffic\",\"InstanceId\":\"" + instanceId + "\"}");
    }

    private static APIGatewayProxyRequestEvent request(String target, String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/host")
                .withResource("/host")
                .withHeaders(Map.of("X-Amz-Target", target, "Content-Type", "application/x-amz-json-1.1"))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withUserArn(HOST_SESSION)))
                .withBody(body);
    }

    private String denied(String principal, FleetKey fleet, String instanceId) {
        WireException denied = catchThrowableOfType(
                WireException.class, () -> verifier.verify(Caller.of(principal), fleet, instanceId));
        assertThat(denied.error().code()).isEqualTo("AccessDeniedException");
        assertThat(denied.error().status()).isEqualTo(403);
        return denied.error().message();
    }
}
