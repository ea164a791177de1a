package dev.stowage.host.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import dev.stowage.testing.aws.CannedResponse;
import dev.stowage.testing.aws.CapturedRequest;
import dev.stowage.testing.aws.CapturingAwsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;

/** ECR credentials through the real SDK client: GetAuthorizationToken as ECR answers it, cached per registry. */
class EcrRegistryAuthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTRY = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    private static final String OTHER_ACCOUNT = "210987654321.dkr.ecr.eu-west-1.amazonaws.com";
    private static final String CHINA = "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn";
    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");
    private static final Instant EXPIRES = T0.plus(Duration.ofHours(12));

    private final CapturingAwsServer server = CapturingAwsServer.start();
    private final List<EcrClient> clients = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final EcrRegistryAuth auth = new EcrRegistryAuth(
            region -> {
                EcrClient client = server.configure(EcrClient.builder())
                        .region(region)
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
                clients.add(client);
                return client;
            },
            now::get);

    @AfterEach
    void close() {
        clients.forEach(EcrClient::close);
        server.close();
    }

    private void answerToken(String password) {
        server.respond(request -> CannedResponse.json(
                200,
                """
                {"authorizationData":[{"authorizationToken":"%s","expiresAt":%d,\
                "proxyEndpoint":"https://%s"}]}"""
                        .formatted(
                                Base64.getEncoder()
                                        .encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8)),
                                EXPIRES.getEpochSecond(),
                                REGISTRY)));
    }

    @Test
    void an_ecr_registry_gets_the_decoded_token_asked_of_its_own_region_for_its_own_account() throws Exception {
        answerToken("pass:with:colons");

        AuthConfig config = auth.forRegistry(REGISTRY).orElseThrow();

        assertThat(config.getUsername()).isEqualTo("AWS");
        assertThat(config.getPassword()).isEqualTo("pass:with:colons");
        assertThat(config.getRegistryAddress()).isEqualTo(REGISTRY);
        CapturedRequest request = server.requests().getFirst();
        assertThat(request.header("x-amz-target"))
                .contains("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken");
        assertThat(JSON.readTree(request.body()).path("registryIds").path(0).asText())
                .isEqualTo("123456789012");
        assertThat(request.header("authorization").orElseThrow()).contains("/eu-west-1/ecr/aws4_request");
    }

    @Test
    void a_token_is_kept_until_shortly_before_it_expires() {
        answerToken("first");
        auth.forRegistry(REGISTRY);
        now.set(EXPIRES.minus(EcrRegistryAuth.REFRESH_BEFORE_EXPIRY).minusSeconds(1));
        answerToken("second");

        assertThat(auth.forRegistry(REGISTRY).orElseThrow().getPassword()).isEqualTo("first");
        assertThat(server.requests()).hasSize(1);

        now.set(EXPIRES.minus(EcrRegistryAuth.REFRESH_BEFORE_EXPIRY));
        assertThat(auth.forRegistry(REGISTRY).orElseThrow().getPassword()).isEqualTo("second");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void each_registry_has_its_own_token() throws Exception {
        answerToken("secret");
        auth.forRegistry(REGISTRY);
        auth.forRegistry(OTHER_ACCOUNT);
        auth.forRegistry(REGISTRY);

        assertThat(server.requests()).hasSize(2);
        assertThat(JSON.readTree(server.requests().get(1).body())
                        .path("registryIds")
                        .path(0)
                        .asText())
                .isEqualTo("210987654321");
    }

    @Test
    void a_china_registry_is_asked_of_its_region() {
        answerToken("secret");

        assertThat(auth.forRegistry(CHINA)).isPresent();
        assertThat(server.requests().getFirst().header("authorization").orElseThrow())
                .contains("/cn-north-1/ecr/aws4_request");
    }

    @Test
    void other_registries_get_nothing_and_ecr_is_not_asked() {
        for (String registry : List.of(
                "docker.io",
                "public.ecr.aws",
                "127.0.0.1:5000",
                "ghcr.io",
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.example")) {
            assertThat(auth.forRegistry(registry)).as(registry).isEmpty();
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_refused_token_fails_with_ecrs_reason_and_is_asked_again_next_time() {
        server.respond(
                request -> CannedResponse.json(
                        400,
                        """
                {"__type":"AccessDeniedException","message":"not authorized to perform: ecr:GetAuthorizationToken"}"""));

        assertThatThrownBy(() -> auth.forRegistry(REGISTRY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Could not get an ECR authorization token for " + REGISTRY)
                .hasMessageContaining("not authorized to perform: ecr:GetAuthorizationToken");

        answerToken("secret");
        assertThat(auth.forRegistry(REGISTRY).orElseThrow().getPassword()).isEqualTo("secret");
    }
}
