package dev.stowage.host.ec2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The EC2 instance metadata service, version 2 only (the launch templates require tokens): a session token from
 * {@code PUT /latest/api/token}, then {@code GET /latest/meta-data/...} with it. Instance tags are readable when the
 * launch template enables them in metadata.
 */
public final class Imds {
    /** Where IMDS answers on every instance. */
    public static final URI DEFAULT_BASE = URI.create("http://169.254.169.254");

    static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
    static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public Imds(URI base) {
        this.base = base;
    }

    /**
     * IMDS where the AWS SDKs look for it: {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} when set (a test's stand-in),
     * the instance's own otherwise.
     */
    public static Imds fromEnvironment(Map<String, String> environment) {
        String endpoint = environment.get("AWS_EC2_METADATA_SERVICE_ENDPOINT");
        return new Imds(endpoint == null || endpoint.isBlank() ? DEFAULT_BASE : URI.create(endpoint));
    }

    /** The value of the instance tag {@code key}, empty when the instance has no such tag. */
    public Optional<String> tag(String key) {
        return get("meta-data/tags/instance/" + key);
    }

    /** The instance's private IPv4 address. */
    public String localIpv4() {
        return get("meta-data/local-ipv4").orElseThrow(() -> new IllegalStateException("IMDS has no local-ipv4"));
    }

    private Optional<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/latest/" + path))
                .timeout(TIMEOUT)
                .header(TOKEN_HEADER, token())
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(ok(response, path).strip());
    }

    private String token() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/latest/api/token"))
                .timeout(TIMEOUT)
                .header(TTL_HEADER, "300")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
        return ok(send(request), "api/token").strip();
    }

    private static String ok(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("IMDS answered " + response.statusCode() + " to " + path);
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("IMDS is not reachable at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading IMDS", e);
        }
    }
}
