package dev.stowage.functions.ec2;

import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.wire.protocol.Caller;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * On AWS a host proves which instance it is by the session of the instance role that signed its request: EC2 names
 * that session after the instance ({@code assumed-role/<role>/i-0123…}), and the instance provider tagged the
 * instance with its deployment, fleet and Stowage instance id when it launched it. A host may report only for the
 * instance those tags name. An instance's tags are read once (DescribeInstances) and kept for ten minutes.
 *
 * <p>IAM: {@code ec2:DescribeInstances} (no resource-level permission exists).
 */
public final class Ec2HostVerifier implements HostVerifier {
    static final Duration KEEP = Duration.ofMinutes(10);

    private record Known(Map<String, String> tags, Instant at) {}

    private final Ec2Client ec2;
    private final String deployment;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public Ec2HostVerifier(Ec2Client ec2, String deployment, Clock clock) {
        this.ec2 = ec2;
        this.deployment = deployment;
        this.clock = clock;
    }

    /** The verifier of the API function: the region's EC2 and the deployment from {@code STOWAGE_DEPLOYMENT}. */
    public static Ec2HostVerifier fromEnvironment(Map<String, String> environment) {
        return new Ec2HostVerifier(
                Ec2Client.create(), environment.getOrDefault("STOWAGE_DEPLOYMENT", "stowage"), Clock.systemUTC());
    }

    @Override
    public void verify(Caller caller, FleetKey fleet, String instanceId) {
        String ec2Id = caller.ec2InstanceId()
                .orElseThrow(() -> denied("Only Stowage's inference hosts may call this operation, and " + caller
                        + " is not an EC2 instance's role session."));
        Map<String, String> tags = tagsOf(ec2Id);
        boolean ours = deployment.equals(tags.get(Ec2Tags.DEPLOYMENT))
                && fleet.stream().equals(tags.get(Ec2Tags.FLEET))
                && instanceId.equals(tags.get(Ec2Tags.INSTANCE));
        if (!ours) {
            throw denied("EC2 instance " + ec2Id + " is not instance " + instanceId + " of " + fleet.stream()
                    + " in deployment " + deployment + ".");
        }
    }

    private Map<String, String> tagsOf(String ec2Id) {
        Instant now = clock.instant();
        Known cached = known.get(ec2Id);
        if (cached != null && now.isBefore(cached.at().plus(KEEP))) {
            return cached.tags();
        }
        Map<String, String> tags = describe(ec2Id);
        known.put(ec2Id, new Known(tags, now));
        return tags;
    }

    /** The instance's tags; none for an instance EC2 does not know (terminated long ago, or another account's). */
    private Map<String, String> describe(String ec2Id) {
        try {
            return ec2.describeInstances(b -> b.instanceIds(ec2Id)).reservations().stream()
                    .flatMap(reservation -> reservation.instances().stream())
                    .findFirst()
                    .map(Instance::tags)
                    .map(list -> list.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a)))
                    .orElse(Map.of());
        } catch (Ec2Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if (code.startsWith("InvalidInstanceID")) {
                return Map.of();
            }
            throw e;
        }
    }

    private static WireException denied(String message) {
        return new WireError("AccessDeniedException", message, 403).exception();
    }
}
