package dev.stowage.wire.sigv4;

import dev.stowage.wire.protocol.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Test helper: signs a request with the real AWS SDK signer and turns it into what the server receives. */
final class SdkSigning {

    private SdkSigning() {}

    static SignedRequest sign(
            String uri,
            Map<String, List<String>> headers,
            String body,
            String service,
            String region,
            String accessKey,
            String secret,
            Clock clock) {
        SdkHttpRequest.Builder builder =
                SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(uri));
        headers.forEach((name, values) -> values.forEach(value -> builder.appendHeader(name, value)));
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(accessKey, secret))
                        .request(builder.build())
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
                .request();
        Map<String, List<String>> wire = new LinkedHashMap<>(signed.headers());
        wire.putIfAbsent("Host", List.of(URI.create(uri).getRawAuthority()));
        URI sent = signed.getUri();
        return new SignedRequest(
                "POST",
                sent.getRawPath(),
                sent.getRawQuery() == null ? "" : sent.getRawQuery(),
                Headers.of(wire),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
