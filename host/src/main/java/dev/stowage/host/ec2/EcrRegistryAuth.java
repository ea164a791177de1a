package dev.stowage.host.ec2;

import com.github.dockerjava.api.model.AuthConfig;
import dev.stowage.host.docker.RegistryAuth;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;

/**
 * Credentials for Amazon ECR registries ({@code <account>.dkr.ecr.<region>.amazonaws.com}, or {@code .amazonaws.com.cn}):
 * a token from {@code ecr:GetAuthorizationToken} in the registry's region for the registry's account, with the
 * instance role. The token is base64 {@code AWS:<password>} and lasts 12 hours; it is kept per registry and fetched
 * again {@link #REFRESH_BEFORE_EXPIRY} before it expires, so a pull never starts with a token about to lapse. Other
 * registries get nothing here.
 *
 * <p>A token that cannot be had (no permission, no network) is thrown as an {@link IllegalStateException} carrying
 * ECR's reason, which fails the pull with it rather than pulling anonymously. Safe for concurrent use; a registry's
 * token is fetched by one caller at a time. The clients live as long as the host process.
 */
public final class EcrRegistryAuth implements RegistryAuth {
    /** How long before its expiry a token is replaced. */
    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(15);

    private static final Pattern ECR_REGISTRY =
            Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

    private final Function<Region, EcrClient> clientFor;
    private final InstantSource clock;
    private final Map<Region, EcrClient> clients = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /**
     * @param clientFor a client of ECR in a region (made once per region, when first needed)
     * @param clock when tokens are judged fresh
     */
    EcrRegistryAuth(Function<Region, EcrClient> clientFor, InstantSource clock) {
        this.clientFor = clientFor;
        this.clock = clock;
    }

    /** With the default credentials (the instance role on EC2) and the system clock. */
    public static EcrRegistryAuth withDefaultCredentials() {
        return new EcrRegistryAuth(region -> EcrClient.builder().region(region).build(), InstantSource.system());
    }

    /** The account and region an ECR registry's host name names, or empty for any other registry. */
    static Optional<EcrRegistry> parse(String registry) {
        Matcher matcher = ECR_REGISTRY.matcher(registry);
        return matcher.matches()
                ? Optional.of(new EcrRegistry(matcher.group(1), Region.of(matcher.group(2))))
                : Optional.empty();
    }

    @Override
    public Optional<AuthConfig> forRegistry(String registry) {
        Optional<EcrRegistry> ecr = parse(registry);
        if (ecr.isEmpty()) {
            return Optional.empty();
        }
        ReentrantLock lock = locks.computeIfAbsent(registry, name -> new ReentrantLock());
        lock.lock();
        try {
            Token token = tokens.get(registry);
            if (token == null || !token.freshAt(clock.instant())) {
                token = fetch(registry, ecr.get());
                tokens.put(registry, token);
            }
            return Optional.of(new AuthConfig()
                    .withRegistryAddress(registry)
                    .withUsername(token.username())
                    .withPassword(token.password()));
        } finally {
            lock.unlock();
        }
    }

    private Token fetch(String registry, EcrRegistry ecr) {
        try {
            AuthorizationData data = clients
                    .computeIfAbsent(ecr.region(), clientFor)
                    .getAuthorizationToken(b -> b.registryIds(ecr.account()))
                    .authorizationData()
                    .stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("ECR sent no authorization data"));
            String pair = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon <= 0 || data.expiresAt() == null) {
                throw new IllegalStateException("ECR sent a token that is not user:password with an expiry");
            }
            return new Token(pair.substring(0, colon), pair.substring(colon + 1), data.expiresAt());
        } catch (SdkException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException(
                    "Could not get an ECR authorization token for " + registry + " (ecr:GetAuthorizationToken in "
                            + ecr.region() + " for account " + ecr.account() + "): " + e.getMessage(),
                    e);
        }
    }

    /** The account and region of an ECR registry. */
    record EcrRegistry(String account, Region region) {}

    private record Token(String username, String password, Instant expiresAt) {
        boolean freshAt(Instant now) {
            return now.isBefore(expiresAt.minus(REFRESH_BEFORE_EXPIRY));
        }

        @Override
        public String toString() {
            return username + ":*** until " + expiresAt;
        }
    }
}
