package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.domain.store.StreamIds;
import dev.stowage.host.InferenceHost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/**
 * Stateful sessions (issue 15, ADR 31) with the Java SDK: an endpoint of two instances, each with a copy of llm-sim
 * whose sessions live 5 s. A session opened through local mode's port stays on the copy that opened it whichever host
 * its requests enter, until it is closed; a closed, expired, garbled or forged session id, and one whose copy has
 * gone, get the service's {@code ValidationError}. boto3 does the same as the README shows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(RunningStowage.FAST);

    private static final String ENDPOINT = "sessions-ep";
    private static final String CHAT = "chat-ic";
    private static final long SESSION_SECONDS = 5;
    private static final String NEW_SESSION_HEADER =
            "^[a-zA-Z0-9](-*[a-zA-Z0-9])*;\\sExpires=[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$";
    private static final String OPEN = "{\"requestType\":\"NEW_SESSION\"}";
    private static final String CLOSE = "{\"requestType\":\"CLOSE\"}";
    private static final String TURN = "{\"inputs\":\"hi\",\"parameters\":{\"max_new_tokens\":1}}";

    private static final List<SageMakerRuntimeClient> entries = new ArrayList<>();
    private static List<InferenceHost> hosts;

    @BeforeAll
    static void deploy() {
        ScenarioFleet.twoInstanceEndpoint(STOWAGE, ENDPOINT);
        ScenarioFleet.component(
                STOWAGE,
                ENDPOINT,
                CHAT,
                "stowage/llm-sim",
                Map.of("STOWAGE_TOKEN_MS", "2", "STOWAGE_SESSION_TTL_S", Long.toString(SESSION_SECONDS)),
                2);
        hosts = STOWAGE.running().instances().hosts(StreamIds.fleet(ENDPOINT, "AllTraffic"));
        entries.add(STOWAGE.running().runtime(false));
        hosts.forEach(host -> entries.add(STOWAGE.running().runtime(host.address(), false)));
    }

    @AfterAll
    static void close() {
        entries.forEach(SageMakerRuntimeClient::close);
    }

    private static InvokeEndpointResponse invoke(SageMakerRuntimeClient client, String sessionId, String body) {
        return client.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                .inferenceComponentName(CHAT)
                .contentType("application/json")
                .sessionId(sessionId)
                .body(SdkBytes.fromUtf8String(body)));
    }

    private static String copy(InvokeEndpointResponse response) {
        return response.sdkHttpResponse().firstMatchingHeader("X-Stowage-Copy").orElseThrow();
    }

    private static String idOf(InvokeEndpointResponse opened) {
        assertThat(opened.newSessionId()).matches(NEW_SESSION_HEADER);
        return opened.newSessionId().substring(0, opened.newSessionId().indexOf(';'));
    }

    @Test
    @Order(1)
    void a_session_stays_on_its_copy_from_every_host_until_it_is_closed() {
        assertThat(hosts).hasSize(2);
        InvokeEndpointResponse opened = invoke(entries.getFirst(), "NEW_SESSION", OPEN);
        String session = idOf(opened);
        String copy = copy(opened);
        Instant expires = Instant.parse(
                opened.newSessionId().substring(opened.newSessionId().indexOf('=') + 1));
        assertThat(expires).isBetween(Instant.now(), Instant.now().plusSeconds(SESSION_SECONDS + 1));

        for (int turn = 1; turn <= 6; turn++) {
            InvokeEndpointResponse answer = invoke(entries.get(turn % entries.size()), session, TURN);
            assertThat(answer.body().asUtf8String()).contains("generated_text");
            assertThat(copy(answer)).as("turn %d", turn).isEqualTo(copy);
            assertThat(answer.customAttributes()).isEqualTo("session_turn=" + turn);
            assertThat(answer.newSessionId()).isNull();
            assertThat(answer.closedSessionId()).isNull();
        }

        InvokeEndpointResponse closed = invoke(entries.getLast(), session, CLOSE);
        assertThat(closed.closedSessionId()).isEqualTo(session);
        assertThat(copy(closed)).isEqualTo(copy);

        for (SageMakerRuntimeClient entry : entries) {
            ValidationErrorException afterClose =
                    catchThrowableOfType(ValidationErrorException.class, () -> invoke(entry, session, TURN));
            assertThat(afterClose.getMessage()).contains("Session " + session + " has been closed.");
        }
    }

    @Test
    @Order(2)
    void sessions_are_opened_on_every_copy_and_each_keeps_its_own_turns_streamed_too() {
        Map<String, String> sessionsByCopy = new HashMap<>();
        Eventually.await(Duration.ofSeconds(4), "a session on each copy", () -> {
            InvokeEndpointResponse opened = invoke(entries.getFirst(), "NEW_SESSION", OPEN);
            sessionsByCopy.putIfAbsent(copy(opened), idOf(opened));
            return sessionsByCopy.size() == 2;
        });
        sessionsByCopy.forEach((copy, session) -> {
            for (SageMakerRuntimeClient entry : entries) {
                assertThat(copy(invoke(entry, session, TURN))).isEqualTo(copy);
            }
            assertThat(invoke(entries.getFirst(), session, TURN).customAttributes())
                    .isEqualTo("session_turn=" + (entries.size() + 1));
            assertThat(streamedBy(session)).isEqualTo(copy);
        });
    }

    /** The copy that streams the answer to a turn of {@code session}. */
    private static String streamedBy(String session) {
        try (SageMakerRuntimeAsyncClient client = STOWAGE.running().runtimeAsync()) {
            List<String> copies = new ArrayList<>();
            client.invokeEndpointWithResponseStream(
                            b -> b.endpointName(ENDPOINT)
                                    .inferenceComponentName(CHAT)
                                    .contentType("application/json")
                                    .sessionId(session)
                                    .body(
                                            SdkBytes.fromUtf8String(
                                                    "{\"inputs\":\"hi\",\"parameters\":{\"max_new_tokens\":3},\"stream\":true}")),
                            InvokeEndpointWithResponseStreamResponseHandler.builder()
                                    .onResponse(response -> copies.add(response.sdkHttpResponse()
                                            .firstMatchingHeader("X-Stowage-Copy")
                                            .orElseThrow()))
                                    .subscriber(event -> {})
                                    .build())
                    .join();
            return copies.getFirst();
        }
    }

    @Test
    @Order(3)
    void an_expired_session_is_refused_with_the_services_validation_error() throws InterruptedException {
        InvokeEndpointResponse opened = invoke(entries.getFirst(), "NEW_SESSION", OPEN);
        String session = idOf(opened);
        Instant expires = Instant.parse(
                opened.newSessionId().substring(opened.newSessionId().indexOf('=') + 1));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 200);

        for (SageMakerRuntimeClient entry : entries) {
            ValidationErrorException expired =
                    catchThrowableOfType(ValidationErrorException.class, () -> invoke(entry, session, TURN));
            assertThat(expired.statusCode()).isEqualTo(400);
            assertThat(expired.getMessage()).contains("Session " + session + " expired at " + expires);
        }
    }

    @Test
    @Order(4)
    void a_garbled_or_forged_session_id_is_refused_with_the_services_validation_error() {
        String session = idOf(invoke(entries.getFirst(), "NEW_SESSION", OPEN));
        String[] fields = session.split("-", 5); // s1, mac, expires, copy id length, the rest
        String forged = String.join(
                "-", fields[0], fields[1], Long.toString(Long.parseLong(fields[2]) + 3600), fields[3], fields[4]);

        String elsewhere = session.contains("-" + CHAT + "-c1-")
                ? session.replace("-" + CHAT + "-c1-", "-" + CHAT + "-c2-")
                : session.replace("-" + CHAT + "-c2-", "-" + CHAT + "-c1-");
        assertThat(elsewhere).isNotEqualTo(session);

        for (String bad : List.of("garbled", forged, elsewhere)) {
            ValidationErrorException refused =
                    catchThrowableOfType(ValidationErrorException.class, () -> invoke(entries.get(1), bad, TURN));
            assertThat(refused.getMessage())
                    .contains("Session " + bad + " is not a session of inference component " + CHAT);
        }
        ValidationErrorException tooLong = catchThrowableOfType(
                ValidationErrorException.class, () -> invoke(entries.getFirst(), "a".repeat(257), TURN));
        assertThat(tooLong.getMessage()).containsIgnoringCase("sessionId");
    }

    @Test
    @Order(5)
    void boto3_opens_continues_and_closes_a_session(@TempDir Path home) throws Exception {
        ClientProcesses python = new ClientProcesses(home);
        assumeTrue(python.succeeds(List.of("python3", "-c", "import boto3")), "python3 with boto3 is not installed");
        String script =
                """
                import boto3, json
                rt = boto3.client("sagemaker-runtime", endpoint_url="%s")
                def call(session, body):
                    return rt.invoke_endpoint(EndpointName="%s", InferenceComponentName="%s",
                            ContentType="application/json", SessionId=session, Body=json.dumps(body))
                opened = call("NEW_SESSION", {"requestType": "NEW_SESSION"})
                sid = opened["NewSessionId"].split(";")[0]
                turns = [call(sid, {"inputs": "hi", "parameters": {"max_new_tokens": 1}})["CustomAttributes"]
                        for _ in range(3)]
                print(turns, call(sid, {"requestType": "CLOSE"})["ClosedSessionId"] == sid)
                try:
                    call(sid, {"inputs": "hi"})
                except rt.exceptions.ValidationError as e:
                    print("refused:", "has been closed" in str(e))
                """
                        .formatted(STOWAGE.running().baseUri(), ENDPOINT, CHAT);

        ClientProcesses.Run run = python.run(List.of("python3", "-c", script), Map.of());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("['session_turn=1', 'session_turn=2', 'session_turn=3'] True")
                .contains("refused: True");
    }

    @Test
    @Order(6)
    void a_session_whose_copy_has_gone_is_refused_with_the_services_validation_error() {
        Map<String, String> sessionsByCopy = new HashMap<>();
        Eventually.await(Duration.ofSeconds(4), "a session on each copy", () -> {
            InvokeEndpointResponse opened = invoke(entries.getFirst(), "NEW_SESSION", OPEN);
            sessionsByCopy.putIfAbsent(copy(opened), idOf(opened));
            return sessionsByCopy.size() == 2;
        });
        STOWAGE.sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(CHAT)
                .desiredRuntimeConfig(r -> r.copyCount(1)));
        Eventually.await(
                Duration.ofSeconds(15),
                "one copy left",
                () -> hosts.stream()
                                .mapToLong(h -> h.copies().serving(CHAT).size())
                                .sum()
                        == 1);
        String left = hosts.stream()
                .flatMap(h -> h.copies().serving(CHAT).stream())
                .findFirst()
                .orElseThrow()
                .copyId();

        String kept = sessionsByCopy.remove(left);
        String orphan = sessionsByCopy.values().iterator().next();
        assertThat(copy(invoke(entries.getLast(), kept, TURN))).isEqualTo(left);
        ValidationErrorException gone =
                catchThrowableOfType(ValidationErrorException.class, () -> invoke(entries.getFirst(), orphan, TURN));
        assertThat(gone.getMessage()).contains("Session " + orphan + " is no longer available");
    }
}
