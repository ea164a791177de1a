package dev.stowage.host.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.wire.hostapi.HostKeys;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A peer request is let in only with a fresh, unused signature of this deployment's current or previous key. */
class PeerVerifierTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final URI LOADS = URI.create("http://10.0.1.7:8081/stowage/loads");
    private static final byte[] BODY = "copy-1=3".getBytes(StandardCharsets.UTF_8);

    private final PeerVerifier verifier = new PeerVerifier(KeySource.fixed(TestKeys.KEYS), at(NOW));

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static PeerSigner signer(HostKeys keys, Instant at) {
        return new PeerSigner(KeySource.fixed(keys), at(at));
    }

    private static Headers signedBy(PeerSigner signer, byte[] body) {
        return Headers.ofSingle(Map.of(PeerSigner.HEADER, signer.sign("POST", LOADS, body)));
    }

    private byte[] verify(Headers headers, byte[] body) throws IOException {
        return verifier.verify("POST", "/stowage/loads", headers, () -> body);
    }

    private WireError refused(Headers headers, byte[] body) {
        return catchThrowableOfType(WireException.class, () -> verify(headers, body))
                .error();
    }

    @Test
    void a_request_signed_with_the_current_or_the_previous_key_is_let_in_with_its_body() throws IOException {
        HostKeys previousOnly = new HostKeys(List.of(TestKeys.PREVIOUS), List.of());

        assertThat(verify(signedBy(signer(TestKeys.KEYS, NOW), BODY), BODY)).isEqualTo(BODY);
        assertThat(verify(signedBy(signer(previousOnly, NOW), BODY), BODY)).isEqualTo(BODY);
    }

    @Test
    void an_unsigned_request_is_refused_without_reading_its_body() {
        WireError error = catchThrowableOfType(
                        WireException.class,
                        () -> verifier.verify("POST", "/stowage/loads", Headers.ofSingle(Map.of()), () -> {
                            throw new AssertionError("the body was read");
                        }))
                .error();

        assertThat(error)
                .isEqualTo(new WireError(
                        "MissingAuthenticationTokenException", "Request is missing Authentication Token", 403));
    }

    @Test
    void a_header_not_of_the_signatures_form_is_an_incomplete_signature() {
        WireError error = refused(Headers.ofSingle(Map.of(PeerSigner.HEADER, "HMAC-SHA256 Key=hk-current")), BODY);

        assertThat(error.code()).isEqualTo("IncompleteSignatureException");
        assertThat(error.status()).isEqualTo(400);
    }

    @Test
    void a_body_other_than_the_signed_one_is_a_bad_mac() {
        WireError error =
                refused(signedBy(signer(TestKeys.KEYS, NOW), BODY), "copy-1=0".getBytes(StandardCharsets.UTF_8));

        assertThat(error.code()).isEqualTo("InvalidSignatureException");
        assertThat(error.status()).isEqualTo(403);
        assertThat(error.message()).startsWith("The request signature we calculated does not match");
    }

    @Test
    void another_path_than_the_signed_one_is_a_bad_mac() {
        Headers headers = signedBy(signer(TestKeys.KEYS, NOW), BODY);

        WireError error = catchThrowableOfType(
                        WireException.class,
                        () -> verifier.verify("POST", "/stowage/copies/c-2/invocations?limit=16", headers, () -> BODY))
                .error();

        assertThat(error.code()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void a_signature_older_or_newer_than_the_allowed_skew_is_refused_without_reading_the_body() {
        Duration beyond = PeerVerifier.MAX_SKEW.plusSeconds(1);
        for (Instant signedAt : List.of(NOW.minus(beyond), NOW.plus(beyond))) {
            Headers headers = signedBy(signer(TestKeys.KEYS, signedAt), BODY);
            WireError error = catchThrowableOfType(
                            WireException.class,
                            () -> verifier.verify("POST", "/stowage/loads", headers, () -> {
                                throw new AssertionError("the body was read");
                            }))
                    .error();

            assertThat(error.code()).isEqualTo("InvalidSignatureException");
            assertThat(error.status()).isEqualTo(403);
            assertThat(error.message()).startsWith(signedAt.isBefore(NOW) ? "Signature expired" : "Signature not yet");
        }
        assertThat(signedBy(signer(TestKeys.KEYS, NOW.minus(PeerVerifier.MAX_SKEW)), BODY))
                .satisfies(headers -> assertThat(verify(headers, BODY)).isEqualTo(BODY));
    }

    @Test
    void a_replayed_request_is_refused_once_its_signature_was_accepted() throws IOException {
        Headers headers = signedBy(signer(TestKeys.KEYS, NOW), BODY);
        verify(headers, BODY);

        WireError error = refused(headers, BODY);

        assertThat(error.code()).isEqualTo("InvalidSignatureException");
        assertThat(error.message()).contains("already used");
        assertThat(verify(signedBy(signer(TestKeys.KEYS, NOW), BODY), BODY))
                .as("the same body signed again is a new request")
                .isEqualTo(BODY);
    }

    @Test
    void a_forged_signature_is_not_remembered_so_it_cannot_block_the_real_one() throws IOException {
        Headers real = signedBy(signer(TestKeys.KEYS, NOW), BODY);
        String forged = real.first(PeerSigner.HEADER).orElseThrow().replaceAll("Mac=.*", "Mac=00");

        assertThat(refused(Headers.ofSingle(Map.of(PeerSigner.HEADER, forged)), BODY)
                        .code())
                .isEqualTo("InvalidSignatureException");
        assertThat(verify(real, BODY)).isEqualTo(BODY);
    }

    @Test
    void a_key_of_another_deployment_is_unrecognized_after_reading_the_ring_again() {
        AtomicInteger reads = new AtomicInteger();
        KeySource counting = new KeySource() {
            @Override
            public HostKeys keys() {
                return TestKeys.KEYS;
            }

            @Override
            public HostKeys refreshed() {
                reads.incrementAndGet();
                return TestKeys.KEYS;
            }
        };
        PeerVerifier strict = new PeerVerifier(counting, at(NOW));
        Headers headers = signedBy(signer(new HostKeys(List.of(TestKeys.OTHER_DEPLOYMENT), List.of()), NOW), BODY);

        WireError error = catchThrowableOfType(
                        WireException.class, () -> strict.verify("POST", "/stowage/loads", headers, () -> BODY))
                .error();

        assertThat(error.code()).isEqualTo("UnrecognizedClientException");
        assertThat(error.status()).isEqualTo(403);
        assertThat(reads)
                .as("an unknown key makes the host read its ring again")
                .hasValue(1);
    }

    @Test
    void a_key_rotated_in_after_the_last_read_is_known_once_the_ring_is_read_again() throws IOException {
        HostKeys beforeRotation = new HostKeys(List.of(TestKeys.PREVIOUS), List.of());
        KeySource rotating = new KeySource() {
            private HostKeys keys = beforeRotation;

            @Override
            public synchronized HostKeys keys() {
                return keys;
            }

            @Override
            public synchronized HostKeys refreshed() {
                keys = TestKeys.KEYS;
                return keys;
            }
        };
        PeerVerifier lagging = new PeerVerifier(rotating, at(NOW));

        assertThat(lagging.verify("POST", "/stowage/loads", signedBy(signer(TestKeys.KEYS, NOW), BODY), () -> BODY))
                .isEqualTo(BODY);
    }
}
