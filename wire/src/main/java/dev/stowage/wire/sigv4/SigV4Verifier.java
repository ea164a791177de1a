package dev.stowage.wire.sigv4;

import dev.stowage.wire.protocol.WireError;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization} header form) on an incoming request and
 * answers failures with the codes and texts of the AWS JSON services:
 *
 * <ul>
 *   <li>no {@code Authorization}: {@code MissingAuthenticationTokenException} 403, {@code Request is
 *       missing Authentication Token};
 *   <li>malformed header or no date: {@code IncompleteSignatureException} 400;
 *   <li>unknown access key: {@code UnrecognizedClientException} 403, {@code The security token included
 *       in the request is invalid.};
 *   <li>request time more than 15 minutes away: {@code InvalidSignatureException} 403, {@code Signature
 *       expired: ...} or {@code Signature not yet current: ...};
 *   <li>wrong region, service or date in the credential scope, or a wrong signature: {@code
 *       InvalidSignatureException} 403.
 * </ul>
 *
 * <p>The payload hash is the body's SHA-256. A signed {@code x-amz-content-sha256} must equal it (the
 * SDKs send it on every request); {@code UNSIGNED-PAYLOAD} is taken as is. Thread-safe.
 */
public final class SigV4Verifier {

    /** The local default credentials: access key {@code test}, secret {@code test}. */
    public static final Map<String, String> LOCAL_CREDENTIALS = Map.of("test", "test");

    /** The default region. */
    public static final String DEFAULT_REGION = "us-east-1";

    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String CONTENT_SHA256 = "x-amz-content-sha256";
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation"
            + " for details.";

    private final Function<String, Optional<String>> secrets;
    private final String region;
    private final Clock clock;

    /**
     * A verifier.
     *
     * @param secrets the secret access key of an access key id, if it is known
     * @param region the region requests must be scoped to
     * @param clock the time requests are checked against
     */
    public SigV4Verifier(Function<String, Optional<String>> secrets, String region, Clock clock) {
        this.secrets = secrets;
        this.region = region;
        this.clock = clock;
    }

    /** The local default: {@code test}/{@code test} in {@code us-east-1}. */
    public static SigV4Verifier local(Clock clock) {
        return new SigV4Verifier(key -> Optional.ofNullable(LOCAL_CREDENTIALS.get(key)), DEFAULT_REGION, clock);
    }

    /**
     * Verifies the request's signature.
     *
     * @param service the signing name the called operation belongs to ({@code sagemaker}, {@code
     *     application-autoscaling}, {@code execute-api})
     * @return the access key id that signed the request
     * @throws dev.stowage.wire.protocol.WireException the AWS answer when verification fails
     */
    public String verify(SignedRequest request, String service) {
        return verify(request, List.of(service));
    }

    /**
     * Verifies the request's signature, scoped to any of {@code services} (a scope naming none of them is refused
     * naming the first).
     *
     * @return the access key id that signed the request
     * @throws dev.stowage.wire.protocol.WireException the AWS answer when verification fails
     */
    public String verify(SignedRequest request, List<String> services) {
        String header = request.headers().first("Authorization").orElse("");
        if (header.isBlank()) {
            throw new WireError("MissingAuthenticationTokenException", "Request is missing Authentication Token", 403)
                    .exception();
        }
        Authorization auth = Authorization.parse(header);
        String amzDate = requestDate(request, header);
        Instant signedAt = parseDate(amzDate);
        String secret = secrets.apply(auth.accessKeyId()).orElseThrow(() -> new WireError(
                        "UnrecognizedClientException", "The security token included in the request is invalid.", 403)
                .exception());
        checkSkew(amzDate, signedAt);
        checkScope(auth, amzDate, services);
        if (auth.signedHeaders().stream().noneMatch(h -> h.equals("host") || h.equals(":authority"))) {
            throw new WireError(
                            "IncompleteSignatureException",
                            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
                            400)
                    .exception();
        }
        unsigned(request, auth).ifPresent(name -> {
            throw new WireError(
                            "IncompleteSignatureException",
                            "'" + name + "' must be a 'SignedHeader' in the AWS Authorization.",
                            400)
                    .exception();
        });
        String canonical = CanonicalRequest.of(request, auth.signedHeaders(), payloadHash(request, auth));
        String stringToSign = Authorization.ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] expected = hmac(signingKey(secret, auth), stringToSign);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(auth.signature());
        } catch (IllegalArgumentException e) {
            throw invalid(MISMATCH);
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw invalid(MISMATCH);
        }
        return auth.accessKeyId();
    }

    /**
     * The first header the signature must cover and does not: every {@code x-amz-*} header sent (the date, the
     * target, the payload hash, the security token…), and {@code Date} when it is the request's date. Otherwise a
     * captured request could be replayed with another {@code X-Amz-Target}, and run as another operation.
     */
    private static Optional<String> unsigned(SignedRequest request, Authorization auth) {
        List<String> required = new ArrayList<>();
        request.headers().names().forEach(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-")) {
                required.add(lower);
            }
        });
        if (request.headers().first("X-Amz-Date").isEmpty()) {
            required.add("date");
        }
        return required.stream()
                .sorted()
                .filter(name -> !auth.signedHeaders().contains(name))
                .findFirst();
    }

    private static String requestDate(SignedRequest request, String header) {
        Optional<String> amz = request.headers().first("X-Amz-Date");
        if (amz.isPresent()) {
            return amz.get().strip();
        }
        Optional<String> date = request.headers().first("Date");
        if (date.isEmpty()) {
            throw new WireError(
                            "IncompleteSignatureException",
                            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
                                    + " Authorization=" + header,
                            400)
                    .exception();
        }
        try {
            return AMZ_DATE.format(ZonedDateTime.parse(date.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            throw new WireError(
                            "IncompleteSignatureException",
                            "Date must be in ISO-8601 'basic format'. Got '" + date.get()
                                    + "'. See http://en.wikipedia.org/wiki/ISO_8601",
                            400)
                    .exception();
        }
    }

    private static Instant parseDate(String amzDate) {
        try {
            return Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new WireError(
                            "IncompleteSignatureException",
                            "Date must be in ISO-8601 'basic format'. Got '" + amzDate
                                    + "'. See http://en.wikipedia.org/wiki/ISO_8601",
                            400)
                    .exception();
        }
    }

    private void checkSkew(String amzDate, Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw invalid("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw invalid("Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }
    }

    private void checkScope(Authorization auth, String amzDate, List<String> services) {
        if (!auth.date().equals(amzDate.substring(0, 8))) {
            throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + auth.date() + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        if (!auth.region().equals(region)) {
            throw invalid("Credential should be scoped to a valid region, not '" + auth.region() + "'. ");
        }
        if (!services.contains(auth.service())) {
            throw invalid("Credential should be scoped to correct service: '" + services.getFirst() + "'. ");
        }
        if (!auth.terminator().equals("aws4_request")) {
            throw invalid("Credential should be scoped with a valid terminator: 'aws4_request', not '"
                    + auth.terminator() + "'. ");
        }
    }

    private static String payloadHash(SignedRequest request, Authorization auth) {
        String actual = hex(sha256(request.body()));
        Optional<String> declared = request.headers().first(CONTENT_SHA256).map(String::strip);
        if (declared.isEmpty() || !auth.signedHeaders().contains(CONTENT_SHA256)) {
            return actual;
        }
        if (declared.get().equals(UNSIGNED_PAYLOAD)) {
            return UNSIGNED_PAYLOAD;
        }
        // The services other than S3 hash the body themselves: a declared hash that is not the body's
        // means the body changed after signing.
        if (!declared.get().equalsIgnoreCase(actual)) {
            throw invalid(MISMATCH);
        }
        return declared.get();
    }

    private static byte[] signingKey(String secret, Authorization auth) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        return hmac(key, auth.terminator());
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static RuntimeException invalid(String message) {
        return new WireError("InvalidSignatureException", message, 403).exception();
    }
}
