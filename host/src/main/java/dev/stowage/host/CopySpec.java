package dev.stowage.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.events.Document;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an inference component's {@code Specification} that the host needs to run a copy: {@code
 * Container.Image}, {@code Container.ArtifactUrl}, {@code Container.Environment}, the {@code StartupParameters}
 * timeouts (SageMaker's defaults when absent), {@code ComputeResourceRequirements.MaxMemoryRequiredInMb} and {@code
 * DataCacheConfig.EnableCaching}.
 *
 * @param digest what tells this specification from another: a copy's container is labelled with it
 */
record CopySpec(
        String image,
        Optional<String> artifactUrl,
        Map<String, String> environment,
        Duration startupHealthCheckTimeout,
        Duration modelDataDownloadTimeout,
        Optional<Long> maxMemoryMib,
        boolean caching,
        String digest) {

    static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(600);
    static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofSeconds(600);

    /** Reads a specification; fails with a message for the copy's report when it has no container image. */
    static CopySpec from(Document spec) {
        String image = spec.text("Container", "Image")
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(
                        spec.has("ModelName")
                                ? "The inference component names a model (ModelName) but carries no Container; this host"
                                        + " runs copies from Container.Image only."
                                : "The inference component specification has no Container.Image."));
        Map<String, String> environment = new LinkedHashMap<>();
        spec.at("Container", "Environment").ifPresent(env -> env.properties()
                .forEach(e -> environment.put(e.getKey(), e.getValue().asText())));
        return new CopySpec(
                image,
                spec.text("Container", "ArtifactUrl").filter(s -> !s.isBlank()),
                Map.copyOf(environment),
                seconds(spec, "ContainerStartupHealthCheckTimeoutInSeconds", DEFAULT_STARTUP_TIMEOUT),
                seconds(spec, "ModelDataDownloadTimeoutInSeconds", DEFAULT_DOWNLOAD_TIMEOUT),
                spec.number("ComputeResourceRequirements", "MaxMemoryRequiredInMb")
                        .map(Math::round),
                spec.at("DataCacheConfig", "EnableCaching")
                        .map(JsonNode::asBoolean)
                        .orElse(false),
                digest(spec));
    }

    /** The first 12 hex digits of the SHA-256 of the specification's JSON. */
    private static String digest(Document spec) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(spec.toJson().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static Duration seconds(Document spec, String field, Duration fallback) {
        return spec.number("StartupParameters", field)
                .filter(s -> s > 0)
                .map(s -> Duration.ofMillis(Math.round(s * 1000)))
                .orElse(fallback);
    }
}
