package dev.stowage.functions.ec2;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Where and how the instance reconciler launches EC2 instances (aws-contract: the reconciler Lambda's environment).
 *
 * @param gpuLaunchTemplateId {@code GPU_LAUNCH_TEMPLATE_ID}: for every type whose family is not {@code inf*}/{@code trn*}
 * @param neuronLaunchTemplateId {@code NEURON_LAUNCH_TEMPLATE_ID}: for Inferentia and Trainium types
 * @param subnetIds {@code HOST_SUBNET_IDS}, comma-separated; instances are spread over them
 * @param targetGroupArn {@code RUNTIME_TARGET_GROUP_ARN}: running instances are registered in it on {@link #RUNTIME_PORT}
 * @param deployment {@code STOWAGE_DEPLOYMENT} (default {@code stowage}): the tag every instance carries
 * @param maxInstances {@code MAX_INSTANCES}: launches beyond this many instances of the deployment are refused
 */
public record Ec2FleetSettings(
        String gpuLaunchTemplateId,
        String neuronLaunchTemplateId,
        List<String> subnetIds,
        String targetGroupArn,
        String deployment,
        int maxInstances) {
    public static final int RUNTIME_PORT = 8080;

    public Ec2FleetSettings {
        subnetIds = List.copyOf(subnetIds);
        if (subnetIds.isEmpty()) {
            throw new IllegalArgumentException("HOST_SUBNET_IDS names no subnet.");
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
                    Arrays.stream(required(environment, "HOST_SUBNET_IDS").split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList(),
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

    /** The subnets to try for an instance, the first chosen by a hash of its id, then the others in turn. */
    public List<String> subnetsFor(String instanceId) {
        int first = Math.floorMod(instanceId.hashCode(), subnetIds.size());
        return IntStream.range(0, subnetIds.size())
                .mapToObj(i -> subnetIds.get((first + i) % subnetIds.size()))
                .toList();
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The environment variable " + name + " is not set.");
        }
        return value;
    }
}
