package dev.stowage.functions.ec2;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Where and how the instance reconciler launches EC2 instances (aws-contract: the reconciler Lambda's environment).
 *
 * @param gpuLaunchTemplateId {@code GPU_LAUNCH_TEMPLATE_ID}: for every type whose family is not {@code inf*}/{@code trn*}
 * @param neuronLaunchTemplateId {@code NEURON_LAUNCH_TEMPLATE_ID}: for Inferentia and Trainium types
 * @param subnets {@code HOST_SUBNETS} ({@code subnet:zone,…}; or, from older deployments, {@code HOST_SUBNET_IDS}
 *     with the zones unknown): an instance is launched in a subnet of the zone placement asked for, spread over them
 * @param targetGroupArn {@code RUNTIME_TARGET_GROUP_ARN}: running instances are registered in it on {@link #RUNTIME_PORT}
 * @param deployment {@code STOWAGE_DEPLOYMENT} (default {@code stowage}): the tag every instance carries
 * @param maxInstances {@code MAX_INSTANCES}: launches beyond this many instances of the deployment are refused
 */
public record Ec2FleetSettings(
        String gpuLaunchTemplateId,
        String neuronLaunchTemplateId,
        List<HostSubnet> subnets,
        String targetGroupArn,
        String deployment,
        int maxInstances) {
    public static final int RUNTIME_PORT = 8080;

    public Ec2FleetSettings {
        subnets = List.copyOf(subnets);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("HOST_SUBNETS names no subnet.");
        }
        if (maxInstances < 0) {
            throw new IllegalArgumentException("MAX_INSTANCES must not be negative: " + maxInstances);
        }
    }

    /** The settings in {@code environment}; fails naming the first variable missing or malformed. */
    public static Ec2FleetSettings fromEnvironment(Map<String, String> environment) {
        String maxInstances = required(environment, "MAX_INSTANCES");
        try {
            return new Ec2FleetSettings(
                    required(environment, "GPU_LAUNCH_TEMPLATE_ID"),
                    required(environment, "NEURON_LAUNCH_TEMPLATE_ID"),
                    subnets(environment),
                    required(environment, "RUNTIME_TARGET_GROUP_ARN"),
                    environment.getOrDefault("STOWAGE_DEPLOYMENT", "stowage"),
                    Integer.parseInt(maxInstances.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MAX_INSTANCES is not a whole number: " + maxInstances, e);
        }
    }

    /** The EC2 type of a Stowage type ({@code ml.g5.xlarge} runs on {@code g5.xlarge}). */
    public static String ec2Type(String instanceType) {
        return instanceType.startsWith("ml.") ? instanceType.substring("ml.".length()) : instanceType;
    }

    /** The launch template for a Stowage type: Neuron for {@code inf*} and {@code trn*} families, GPU otherwise. */
    public String launchTemplateFor(String instanceType) {
        String ec2Type = ec2Type(instanceType);
        return ec2Type.startsWith("inf") || ec2Type.startsWith("trn") ? neuronLaunchTemplateId : gpuLaunchTemplateId;
    }

    /** The zones of the host subnets (none when unknown): the zones placement balances new instances over. */
    public List<String> zones() {
        return HostSubnet.zones(subnets);
    }

    /**
     * The subnets to try for an instance in {@code zone} (every subnet when it is {@code ""}): the first chosen by a
     * hash of its id, then the others in turn. None when no host subnet is in that zone.
     */
    public List<String> subnetsFor(String instanceId, String zone) {
        List<String> ids = subnets.stream()
                .filter(subnet -> zone.isEmpty() || subnet.zone().equals(zone))
                .map(HostSubnet::id)
                .toList();
        if (ids.isEmpty()) {
            return ids;
        }
        int first = Math.floorMod(instanceId.hashCode(), ids.size());
        return IntStream.range(0, ids.size())
                .mapToObj(i -> ids.get((first + i) % ids.size()))
                .toList();
    }

    private static List<HostSubnet> subnets(Map<String, String> environment) {
        List<HostSubnet> subnets = HostSubnet.fromEnvironment(environment);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("The environment variable " + HostSubnet.SUBNETS + " is not set.");
        }
        return subnets;
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The environment variable " + name + " is not set.");
        }
        return value;
    }
}
