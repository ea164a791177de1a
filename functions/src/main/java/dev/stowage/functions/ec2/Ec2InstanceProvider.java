package dev.stowage.functions.ec2;

import dev.stowage.domain.fleet.InstanceProvider;
import dev.stowage.domain.fleet.InsufficientCapacity;
import dev.stowage.domain.fleet.Launch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidTargetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/**
 * Fleet instances as EC2 instances (aws-contract). {@code launch} runs one instance from the GPU or Neuron launch
 * template in one of the host subnets, tagged so that {@code launched} finds it again after any restart, with the
 * given client token so that a repeated call returns the same instance. {@code terminate} deregisters it from the
 * runtime target group and terminates it.
 *
 * <p>A target group takes an instance only once it is running, so {@code launch} registers an instance only when it
 * is already running, and {@code launched} (read on every reconcile round, including the round the host's
 * registration wakes) registers every running instance of the fleet; registering is idempotent.
 *
 * <p><b>Zones</b> (ADR 27). The host subnets' zones are the zones placement balances new instances over; a launch
 * is tried in the subnets of the zone placement asked for (all subnets when the zone is unknown, {@code ""}), the
 * first chosen by the instance's id. When a subnet has no capacity for the type ({@code
 * InsufficientInstanceCapacity}, {@code Unsupported}, {@code InsufficientFreeAddressesInSubnet}) the next subnet of
 * the zone is tried, with the same client token (EC2 binds a token to a request that succeeded, and a mismatch with
 * one means the instance exists). It never falls to another zone: the fleet records the instance in the zone
 * placement chose, and launching elsewhere would silently break the balance. When every subnet of the zone refuses
 * for capacity, {@link InsufficientCapacity} is thrown naming the zone, and placement turns to the variant's next
 * instance pool. When they refuse otherwise, or an account limit is hit, {@link LaunchFailedException} is thrown:
 * the instance stays requested and the next round tries again. More than {@code MAX_INSTANCES} live instances in the
 * deployment are refused the same way.
 *
 * <p><b>Capacity reservations</b> (ADR 27). A launch with a {@code CapacityReservationConfig} goes only into an EC2
 * On-Demand Capacity Reservation tagged {@code stowage-ml-reservation-arn} = the variant's {@code MlReservationArn}
 * ({@link CapacityReservations}): active, of the type, for Linux, with an instance available, in the asked zone when
 * it is known, and through a host subnet of the reservation's zone, targeted by {@code
 * CapacityReservationSpecification.CapacityReservationTarget.CapacityReservationId}. {@code
 * capacity-reservations-only} has no on-demand fallback: when no reservation takes the instance ({@code
 * ReservationCapacityExceeded}, none available, none tagged) {@link InsufficientCapacity} is thrown saying which
 * reservations were found and why none took it.
 *
 * <p>IAM: {@code ec2:RunInstances} (instance, volume, network-interface, subnet, security-group, launch-template,
 * image, key-pair, and capacity-reservation for those carrying the {@code stowage-ml-reservation-arn} tag), {@code
 * ec2:CreateTags} on instance and volume with {@code ec2:CreateAction=RunInstances}, {@code iam:PassRole} for the
 * host role, {@code ec2:DescribeInstances} and {@code ec2:DescribeCapacityReservations} (no resource-level
 * permission: {@code *}), {@code ec2:TerminateInstances} on instances tagged {@code stowage-deployment=<deployment>},
 * {@code elasticloadbalancing:RegisterTargets} and {@code DeregisterTargets} on the target group.
 */
public final class Ec2InstanceProvider implements InstanceProvider {
    private static final String INSUFFICIENT_CAPACITY = "InsufficientInstanceCapacity";
    private static final Set<String> TRY_ELSEWHERE = Set.of(
            INSUFFICIENT_CAPACITY,
            CapacityReservations.EXCEEDED,
            "Unsupported",
            CapacityReservations.NO_FREE_ADDRESSES);
    private static final String TOKEN_ALREADY_USED = "IdempotentParameterMismatch";

    private final Ec2Client ec2;
    private final ElasticLoadBalancingV2Client elb;
    private final Ec2FleetSettings settings;
    private final CapacityReservations reservations;

    public Ec2InstanceProvider(Ec2Client ec2, ElasticLoadBalancingV2Client elb, Ec2FleetSettings settings) {
        this.ec2 = ec2;
        this.elb = elb;
        this.settings = settings;
        this.reservations = new CapacityReservations(ec2, settings);
    }

    /** The provider of the instance-reconciler Lambda: its environment, region and role. */
    public static Ec2InstanceProvider fromEnvironment(Map<String, String> environment) {
        return new Ec2InstanceProvider(
                Ec2Client.create(),
                ElasticLoadBalancingV2Client.create(),
                Ec2FleetSettings.fromEnvironment(environment));
    }

    @Override
    public void launch(Launch launch) {
        List<Instance> existing = instances(launch.fleetStream(), launch.instanceId());
        if (!existing.isEmpty()) {
            register(existing);
            return;
        }
        long live = count(Stream.of(Ec2Tags.tagFilter(Ec2Tags.DEPLOYMENT, settings.deployment())));
        if (live >= settings.maxInstances()) {
            throw new LaunchFailedException("Instance " + launch.instanceId() + " of " + launch.fleetStream()
                    + " was not launched: " + live + " instances are running and MAX_INSTANCES is "
                    + settings.maxInstances() + ".");
        }
        if (launch.reservation().isPresent()) {
            reservations.launchInto(
                    launch.reservation().get(),
                    launch,
                    (subnet, reservation) -> run(launch, subnet, Optional.of(reservation)));
        } else {
            launchInZone(launch);
        }
    }

    /** In a subnet of the asked zone (any, when unknown), the next subnet when one refuses for capacity. */
    private void launchInZone(Launch launch) {
        List<String> subnets = settings.subnetsFor(launch.instanceId(), launch.zone());
        if (subnets.isEmpty()) {
            throw new LaunchFailedException(notLaunched(launch) + ": no host subnet is in " + launch.zone()
                    + ", the zone placement asked for (the host subnets are in " + settings.zones() + ").");
        }
        List<String> refusals = new ArrayList<>();
        for (String subnet : subnets) {
            Optional<String> refusal = run(launch, subnet, Optional.empty());
            if (refusal.isEmpty()) {
                return;
            }
            refusals.add(subnet + ": " + refusal.get());
        }
        String where = launch.zone().isEmpty()
                ? "; every subnet refused it: "
                : " in " + launch.zone() + ", the zone placement asked for (another zone would upset its zone balance);"
                        + " every subnet there refused it: ";
        String refused = notLaunched(launch) + where + String.join(", ", refusals) + ".";
        if (refusals.stream().allMatch(r -> r.endsWith(": " + INSUFFICIENT_CAPACITY))) {
            throw new InsufficientCapacity(INSUFFICIENT_CAPACITY + ": " + refused);
        }
        throw new LaunchFailedException(refused);
    }

    /**
     * Runs the instance in {@code subnet} (and the reservation): empty when it runs or ran already, else the code of
     * a refusal that another subnet or reservation may not meet. Any other refusal is thrown.
     */
    private Optional<String> run(Launch launch, String subnet, Optional<String> reservation) {
        try {
            register(ec2.runInstances(request(launch, subnet, reservation)).instances());
            return Optional.empty();
        } catch (Ec2Exception e) {
            String code = e.awsErrorDetails().errorCode();
            if (TOKEN_ALREADY_USED.equals(code)) {
                return Optional.empty();
            }
            if (!TRY_ELSEWHERE.contains(code)) {
                throw new LaunchFailedException(
                        notLaunched(launch) + ": " + code + ": "
                                + e.awsErrorDetails().errorMessage(),
                        e);
            }
            return Optional.of(code);
        }
    }

    static String notLaunched(Launch launch) {
        return "Instance " + launch.instanceId() + " (" + launch.instanceType() + ") was not launched";
    }

    @Override
    public void terminate(String fleetStream, String instanceId) {
        List<String> ids = instances(fleetStream, instanceId).stream()
                .map(Instance::instanceId)
                .toList();
        if (ids.isEmpty()) {
            return;
        }
        try {
            elb.deregisterTargets(
                    b -> b.targetGroupArn(settings.targetGroupArn()).targets(targets(ids)));
        } catch (InvalidTargetException notRegistered) {
            // Never registered (it did not get to run): nothing to take out of the target group.
        }
        ec2.terminateInstances(b -> b.instanceIds(ids));
    }

    @Override
    public Set<String> launched(String fleetStream) {
        Set<String> launched = new LinkedHashSet<>();
        List<Instance> instances = describe(Stream.of(
                Ec2Tags.tagFilter(Ec2Tags.DEPLOYMENT, settings.deployment()),
                Ec2Tags.tagFilter(Ec2Tags.FLEET, fleetStream)));
        instances.forEach(instance -> instance.tags().stream()
                .filter(tag -> tag.key().equals(Ec2Tags.INSTANCE))
                .forEach(tag -> launched.add(tag.value())));
        register(instances);
        return launched;
    }

    private RunInstancesRequest request(Launch launch, String subnet, Optional<String> reservation) {
        var tags = Ec2Tags.of(settings.deployment(), launch.fleetStream(), launch.instanceId());
        var request = RunInstancesRequest.builder()
                .launchTemplate(t -> t.launchTemplateId(settings.launchTemplateFor(launch.instanceType())))
                .instanceType(Ec2FleetSettings.ec2Type(launch.instanceType()))
                .subnetId(subnet)
                .minCount(1)
                .maxCount(1)
                .clientToken(ec2Token(launch.clientToken()))
                .tagSpecifications(
                        TagSpecification.builder()
                                .resourceType(ResourceType.INSTANCE)
                                .tags(tags)
                                .build(),
                        TagSpecification.builder()
                                .resourceType(ResourceType.VOLUME)
                                .tags(tags)
                                .build());
        reservation.ifPresent(id -> request.capacityReservationSpecification(
                c -> c.capacityReservationTarget(t -> t.capacityReservationId(id))));
        return request.build();
    }

    /** Registers the running ones among {@code instances} in the runtime target group. */
    private void register(List<Instance> instances) {
        List<String> running = instances.stream()
                .filter(instance -> "running".equals(instance.state().nameAsString()))
                .map(Instance::instanceId)
                .toList();
        if (!running.isEmpty()) {
            elb.registerTargets(b -> b.targetGroupArn(settings.targetGroupArn()).targets(targets(running)));
        }
    }

    private List<Instance> instances(String fleetStream, String instanceId) {
        return describe(Stream.of(
                Ec2Tags.tagFilter(Ec2Tags.DEPLOYMENT, settings.deployment()),
                Ec2Tags.tagFilter(Ec2Tags.FLEET, fleetStream),
                Ec2Tags.tagFilter(Ec2Tags.INSTANCE, instanceId)));
    }

    private long count(Stream<Filter> filters) {
        return describe(filters).size();
    }

    private List<Instance> describe(Stream<Filter> filters) {
        List<Filter> all =
                Stream.concat(filters, Stream.of(Ec2Tags.liveStates())).toList();
        return ec2.describeInstancesPaginator(b -> b.filters(all)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .toList();
    }

    private static List<TargetDescription> targets(List<String> instanceIds) {
        return instanceIds.stream()
                .map(id -> TargetDescription.builder()
                        .id(id)
                        .port(Ec2FleetSettings.RUNTIME_PORT)
                        .build())
                .toList();
    }

    /**
     * EC2 takes client tokens of at most 64 ASCII characters; a longer token (a fleet stream with long endpoint and
     * variant names) is replaced by its SHA-256 in hex, which is as unique and exactly 64 characters long.
     */
    static String ec2Token(String clientToken) {
        if (clientToken.length() <= 64 && StandardCharsets.US_ASCII.newEncoder().canEncode(clientToken)) {
            return clientToken;
        }
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(clientToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
