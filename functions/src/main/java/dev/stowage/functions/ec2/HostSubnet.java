package dev.stowage.functions.ec2;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subnet instances are launched in and its availability zone ({@code ""} when unknown) — aws-contract: {@code
 * HOST_SUBNETS=subnet-1:us-east-1a,subnet-2:us-east-1b}, as the stack sets it; deployments older than zones set
 * {@code HOST_SUBNET_IDS=subnet-1,subnet-2}, whose zones are unknown.
 */
public record HostSubnet(String id, String zone) {
    static final String SUBNETS = "HOST_SUBNETS";
    static final String SUBNET_IDS = "HOST_SUBNET_IDS";

    /**
     * The host subnets {@code environment} names ({@code HOST_SUBNETS}, else {@code HOST_SUBNET_IDS}); none when it
     * names none. Fails naming the variable and the entry that is malformed.
     */
    public static List<HostSubnet> fromEnvironment(Map<String, String> environment) {
        String withZones = environment.getOrDefault(SUBNETS, "");
        List<HostSubnet> subnets = withZones.isBlank()
                ? entries(environment.getOrDefault(SUBNET_IDS, "")).stream()
                        .map(id -> new HostSubnet(id, ""))
                        .toList()
                : entries(withZones).stream().map(HostSubnet::parse).toList();
        Set<String> seen = new HashSet<>();
        for (HostSubnet subnet : subnets) {
            if (!seen.add(subnet.id())) {
                throw new IllegalArgumentException(
                        (withZones.isBlank() ? SUBNET_IDS : SUBNETS) + " names " + subnet.id() + " twice.");
            }
        }
        return subnets;
    }

    /** The distinct zones of {@code subnets}, in name order; none when their zones are unknown. */
    public static List<String> zones(List<HostSubnet> subnets) {
        return subnets.stream()
                .map(HostSubnet::zone)
                .filter(zone -> !zone.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }

    private static HostSubnet parse(String entry) {
        String[] parts = entry.split(":", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException(SUBNETS + " entry \"" + entry
                    + "\" is not <subnet id>:<availability zone>, as in subnet-0abc:us-east-1a.");
        }
        return new HostSubnet(parts[0].strip(), parts[1].strip());
    }

    private static List<String> entries(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
