package dev.stowage.host.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials {@code docker login} left in Docker's {@code config.json} ({@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}): the {@code auths} entries with a base64 {@code auth} of {@code user:password}.
 * Credential helpers are not run. Read when asked, so a later {@code docker login} is seen.
 */
public final class DockerConfigAuth implements RegistryAuth {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public DockerConfigAuth(Path file) {
        this.file = file;
    }

    /** The file Docker's CLI uses in this environment. */
    public static DockerConfigAuth fromEnvironment(Map<String, String> environment) {
        String dir = environment.get("DOCKER_CONFIG");
        Path folder =
                dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".docker");
        return new DockerConfigAuth(folder.resolve("config.json"));
    }

    /** The {@code config.json} read. */
    public Path file() {
        return file;
    }

    @Override
    public Optional<AuthConfig> forRegistry(String registry) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode auths = JSON.readTree(Files.readString(file)).path("auths");
            for (String key : new String[] {registry, "https://" + registry, "http://" + registry}) {
                JsonNode entry = auths.path(key);
                String encoded = entry.path("auth").asText("");
                if (!encoded.isEmpty()) {
                    String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    if (colon > 0) {
                        return Optional.of(new AuthConfig()
                                .withRegistryAddress(registry)
                                .withUsername(pair.substring(0, colon))
                                .withPassword(pair.substring(colon + 1)));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable config gives no credentials; the pull says what the registry answered.
        }
        return Optional.empty();
    }
}
