package dev.stowage.host.docker;

import com.github.dockerjava.api.model.AuthConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials given by hand, per registry: {@code ./stowage up --registry-credentials host:port=user:password}, or a
 * test's registry.
 */
public record StaticRegistryAuth(Map<String, Credentials> byRegistry) implements RegistryAuth {

    /** A user name and password for one registry. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return username + ":***";
        }
    }

    public StaticRegistryAuth {
        byRegistry = Map.copyOf(byRegistry);
    }

    /**
     * Parses {@code registry=user:password} (the password may hold colons).
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Map.Entry<String, Credentials> parse(String text) {
        int equals = text.indexOf('=');
        int colon = text.indexOf(':', equals + 1);
        if (equals <= 0 || colon < 0 || colon == equals + 1) {
            throw new IllegalArgumentException(
                    "Registry credentials are registry=user:password (for example 127.0.0.1:5000=me:secret).");
        }
        return Map.entry(
                text.substring(0, equals),
                new Credentials(text.substring(equals + 1, colon), text.substring(colon + 1)));
    }

    @Override
    public Optional<AuthConfig> forRegistry(String registry) {
        return Optional.ofNullable(byRegistry.get(registry)).map(c -> new AuthConfig()
                .withRegistryAddress(registry)
                .withUsername(c.username())
                .withPassword(c.password()));
    }
}
