package dev.stowage.host.docker;

import com.github.dockerjava.api.model.AuthConfig;
import java.util.Optional;

/**
 * The credentials to pull an image with, by the image's registry: ECR's on AWS (a token from {@code
 * ecr:GetAuthorizationToken}), those given to {@code ./stowage up} or Docker's own {@code config.json} locally. An
 * image of a registry with none is pulled anonymously.
 */
@FunctionalInterface
public interface RegistryAuth {
    RegistryAuth ANONYMOUS = registry -> Optional.empty();

    /**
     * The credentials for {@code registry} ({@code host[:port]}; {@code docker.io} for Docker Hub's images).
     *
     * @throws RuntimeException when the registry needs credentials that cannot be had now (an ECR token refused);
     *     the pull then fails with this reason instead of trying anonymously
     */
    Optional<AuthConfig> forRegistry(String registry);

    /** These credentials, or else {@code other}'s. */
    default RegistryAuth orElse(RegistryAuth other) {
        return registry -> forRegistry(registry).or(() -> other.forRegistry(registry));
    }

    /** The registry an image reference names: its first part when that has a dot or a port, else Docker Hub. */
    static String registryOf(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return "docker.io";
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : "docker.io";
    }
}
