package dev.stowage.host.trust;

import dev.stowage.wire.hostapi.HostKeys;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.sigv4.SigV4Verifier;
import dev.stowage.wire.sigv4.SignedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Who may invoke on a host's runtime port (ADR 23). On AWS every invocation comes through API Gateway, which has
 * verified the caller's SigV4 signature and adds the deployment's front token ({@value #FRONT_TOKEN_HEADER}); the host
 * cannot check a caller's signature itself (it has no caller's secret), so it lets in only that token. Locally the
 * host is given the local credentials and checks the client's SigV4 signature as the local port does. Anything else is
 * refused as AWS refuses an unauthenticated call: {@code MissingAuthenticationTokenException} 403 without a
 * credential, {@code UnrecognizedClientException} 403 for a token that is not the deployment's, the signature's own
 * error for a bad signature, and {@code AccessDeniedException} 403 for a signature this host cannot check.
 */
public final class InvocationGate {
    /** The header API Gateway's runtime integration sets to the deployment's front token. */
    public static final String FRONT_TOKEN_HEADER = "X-Stowage-Front-Token";
    /** What clients sign the runtime with: SageMaker's name, or API Gateway's. */
    private static final List<String> SIGNING_NAMES = List.of("sagemaker", "execute-api");

    private final KeySource keys;
    private final Optional<SigV4Verifier> clients;

    /** @param clients checks clients' own signatures (local mode); empty on AWS */
    public InvocationGate(KeySource keys, Optional<SigV4Verifier> clients) {
        this.keys = keys;
        this.clients = clients;
    }

    /**
     * The request's body, once the request may be served.
     *
     * @throws dev.stowage.wire.protocol.WireException the refusal
     */
    public byte[] admit(String method, String rawPath, String rawQuery, Headers headers, BodySource body)
            throws IOException {
        Optional<String> token = headers.first(FRONT_TOKEN_HEADER);
        if (token.isPresent()) {
            if (!known(keys.keys(), token.get()) && !known(keys.refreshed(), token.get())) {
                throw new WireError(
                                "UnrecognizedClientException",
                                "The security token included in the request is invalid.",
                                403)
                        .exception();
            }
            return body.read();
        }
        if (clients.isPresent()) {
            byte[] bytes = body.read();
            clients.get().verify(new SignedRequest(method, rawPath, rawQuery, headers, bytes), SIGNING_NAMES);
            return bytes;
        }
        if (headers.first("Authorization").isPresent()) {
            throw new WireError(
                            "AccessDeniedException",
                            "This host takes invocations only through the deployment's API; send the request to the"
                                    + " API's endpoint.",
                            403)
                    .exception();
        }
        throw new WireError("MissingAuthenticationTokenException", "Request is missing Authentication Token", 403)
                .exception();
    }

    private static boolean known(HostKeys keys, String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String front : keys.frontTokens()) {
            match |= MessageDigest.isEqual(front.getBytes(StandardCharsets.UTF_8), given);
        }
        return match;
    }
}
