package dev.stowage.host.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import dev.stowage.wire.sigv4.SigV4Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The runtime port lets in the deployment's front (its token) and, where the host has the credentials to check one,
 * a client's SigV4 signature; everyone else gets AWS's 403 for an unauthenticated call.
 */
class InvocationGateTest {
    private static final String PATH = "/endpoints/ep/invocations";
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private final InvocationGate onAws = new InvocationGate(KeySource.fixed(TestKeys.KEYS), Optional.empty());
    private final InvocationGate local =
            new InvocationGate(KeySource.fixed(TestKeys.KEYS), Optional.of(SigV4Verifier.local(Clock.systemUTC())));

    private static WireError refused(InvocationGate gate, Map<String, String> headers) {
        return catchThrowableOfType(
                        WireException.class, () -> gate.admit("POST", PATH, "", Headers.ofSingle(headers), () -> BODY))
                .error();
    }

    @Test
    void the_fronts_token_lets_an_invocation_in() throws IOException {
        byte[] body = onAws.admit(
                "POST",
                PATH,
                "",
                Headers.ofSingle(Map.of(InvocationGate.FRONT_TOKEN_HEADER, TestKeys.FRONT_TOKEN)),
                () -> BODY);

        assertThat(body).isEqualTo(BODY);
    }

    @Test
    void an_invocation_without_credentials_is_refused_as_aws_refuses_it() {
        for (InvocationGate gate : new InvocationGate[] {onAws, local}) {
            assertThat(refused(gate, Map.of()))
                    .isEqualTo(new WireError(
                            "MissingAuthenticationTokenException", "Request is missing Authentication Token", 403));
        }
    }

    @Test
    void a_token_that_is_not_the_deployments_is_unrecognized() {
        WireError error = refused(onAws, Map.of(InvocationGate.FRONT_TOKEN_HEADER, "guessed"));

        assertThat(error.code()).isEqualTo("UnrecognizedClientException");
        assertThat(error.status()).isEqualTo(403);
    }

    @Test
    void a_signature_the_host_cannot_check_is_denied_on_aws_and_checked_locally() {
        Map<String, String> signed = Map.of(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/us-east-1/sagemaker/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=00",
                "X-Amz-Date",
                "20261207T100000Z",
                "Host",
                "10.0.1.7:8080");

        assertThat(refused(onAws, signed).code()).isEqualTo("AccessDeniedException");
        assertThat(refused(local, signed).code())
                .as("an access key local mode does not know")
                .isEqualTo("UnrecognizedClientException");
    }
}
