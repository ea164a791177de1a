package dev.stowage.local.fuzz;

import dev.stowage.local.sdk.RunningStowage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs a request with the AWS SDK's own SigV4 signer, as a client of local mode would (credentials {@code
 * test}/{@code test}, {@code us-east-1}), or wrongly as its {@link SigningFault} says, at the moment it is sent.
 */
final class RequestSigner {
    private static final String TARGET = "X-Amz-Target";
    private static final List<String> GARBLED = List.of(
            "AWS4-HMAC-SHA256",
            "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host,"
                    + " Signature=zz",
            "Bearer fuzz",
            "AWS4-HMAC-SHA256 Credential=test, SignedHeaders=, Signature=",
            "AWS4-HMAC-SHA256 Credential=test/////, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64),
            "AWS4-HMAC-SHA256 Credential=/20260101/us-east-1/sagemaker/aws4_request,SignedHeaders=;;;,Signature=0",
            "AWS4-HMAC-SHA256 Credential==, SignedHeaders==, Signature==",
            "AWS4-HMAC-SHA256 " + ",".repeat(1000));

    private RequestSigner() {}

    /** The headers and body as they go on the wire. */
    record Signed(List<Header> headers, byte[] body) {}

    static Signed sign(FuzzRequest request) {
        List<Header> out = new ArrayList<>();
        byte[] body = request.body();
        if (request.fault() == SigningFault.UNSIGNED) {
            out.addAll(request.headers());
        } else {
            boolean targetUnsigned = request.fault() == SigningFault.TARGET_NOT_SIGNED;
            SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                    .protocol(request.base().getScheme())
                    .host(request.base().getHost())
                    .port(request.base().getPort())
                    .method(method(request.method()))
                    .encodedPath(signable(pathOf(request.path())));
            query(request.path(), unsigned);
            for (Header header : request.headers()) {
                if (!(targetUnsigned && header.named(TARGET))) {
                    unsigned.appendHeader(header.name(), header.value());
                }
            }
            SdkHttpRequest signed = AwsV4HttpSigner.create()
                    .sign(r -> r.identity(identity(request.fault()))
                            .request(unsigned.build())
                            .payload(ContentStreamProvider.fromByteArrayUnsafe(request.body()))
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName(request))
                            .putProperty(AwsV4HttpSigner.REGION_NAME, region(request.fault()))
                            .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock(request.fault())))
                    .request();
            signed.forEachHeader((name, values) -> {
                if (!name.equalsIgnoreCase("Host")) {
                    values.forEach(value -> out.add(new Header(name, value)));
                }
            });
            if (targetUnsigned) {
                request.headers().stream().filter(h -> h.named(TARGET)).forEach(out::add);
            }
            if (request.fault() == SigningFault.GARBLED) {
                out.removeIf(h -> h.named("Authorization"));
                out.add(new Header("Authorization", GARBLED.get((int) (request.index() % GARBLED.size()))));
            }
            if (request.fault() == SigningFault.BODY_CHANGED) {
                body = BodyMutations.concat(body, new byte[] {' '});
            }
        }
        out.addAll(request.unsigned());
        return new Signed(List.copyOf(out), body);
    }

    private static SdkHttpMethod method(String method) {
        try {
            return SdkHttpMethod.fromValue(method.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SdkHttpMethod.POST;
        }
    }

    /** A path with a bad percent escape is signed with its '%' escaped: the SDK cannot sign it as it is. */
    private static String signable(String path) {
        try {
            java.net.URI.create("http://h" + path);
            return path;
        } catch (IllegalArgumentException e) {
            return path.replace("%", "%25");
        }
    }

    private static String pathOf(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static void query(String path, SdkHttpRequest.Builder request) {
        int query = path.indexOf('?');
        if (query < 0) {
            return;
        }
        for (String pair : path.substring(query + 1).split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                request.appendRawQueryParameter(
                        decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static AwsCredentialsIdentity identity(SigningFault fault) {
        return switch (fault) {
            case WRONG_SECRET -> AwsCredentialsIdentity.create(RunningStowage.ACCESS_KEY, "not-the-secret");
            case UNKNOWN_KEY -> AwsCredentialsIdentity.create("AKIDFUZZ", RunningStowage.SECRET_KEY);
            default -> AwsCredentialsIdentity.create(RunningStowage.ACCESS_KEY, RunningStowage.SECRET_KEY);
        };
    }

    private static String signingName(FuzzRequest request) {
        return request.fault() == SigningFault.WRONG_SERVICE
                ? (request.signingName().equals("s3") ? "ec2" : "s3")
                : request.signingName();
    }

    private static String region(SigningFault fault) {
        return fault == SigningFault.WRONG_REGION ? "eu-west-1" : RunningStowage.REGION;
    }

    private static Clock clock(SigningFault fault) {
        Clock now = Clock.systemUTC();
        return fault == SigningFault.EXPIRED ? Clock.offset(now, Duration.ofHours(-1)) : now;
    }
}
