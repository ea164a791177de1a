package dev.stowage.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.domain.Arns;
import dev.stowage.domain.alarms.InMemoryAlarmService;
import dev.stowage.domain.component.CopyQuota;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.InMemoryLivenessStore;
import dev.stowage.domain.store.InMemorySnapshotStore;
import dev.stowage.domain.views.InMemoryViewStore;
import dev.stowage.functions.ec2.HostVerifier;
import dev.stowage.functions.hostkeys.DeploymentKeys;
import dev.stowage.functions.hostkeys.HostKeyRing;
import dev.stowage.functions.hostkeys.InMemoryKeyRingStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The handler that ships to Lambda on in-memory stores at a fixed time, called as API Gateway would call it. */
final class InMemoryApi {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    final InMemoryEventStore events = new InMemoryEventStore();
    final InMemoryLivenessStore liveness = new InMemoryLivenessStore();
    private final ApiHandler handler;

    InMemoryApi() {
        this(OperationMetrics.NONE, CLOCK);
    }

    InMemoryApi(OperationMetrics metrics) {
        this(metrics, CLOCK);
    }

    /** The API at the time {@code clock} says. */
    InMemoryApi(Clock clock) {
        this(OperationMetrics.NONE, clock);
    }

    private InMemoryApi(OperationMetrics metrics, Clock clock) {
        this.handler = new ApiHandler(
                new ApiWiring(
                                events,
                                new InMemoryViewStore(),
                                new InMemorySnapshotStore(),
                                liveness,
                                new Arns("us-east-1", "123456789012"),
                                clock,
                                new InMemoryAlarmService(),
                                InstanceTypeCatalog.standard(),
                                CopyQuota.DEFAULT,
                                HostVerifier.TRUSTING,
                                new DeploymentKeys(HostKeyRing.standard(new InMemoryKeyRingStore(), clock), List.of()))
                        .services(),
                metrics);
    }

    APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent request) {
        return handler.handleRequest(request, null);
    }

    /** {@code POST path} with {@code X-Amz-Target: target} and a JSON body written with single quotes. */
    APIGatewayProxyResponseEvent call(String path, String target, String body) {
        return handle(new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath(path)
                .withHeaders(Map.of("X-Amz-Target", target, "Content-Type", "application/x-amz-json-1.1"))
                .withBody(body.replace('\'', '"')));
    }

    static JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
        return JSON.readTree(response.getBody());
    }
}
