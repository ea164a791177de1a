package dev.stowage.host.ec2;

/**
 * Who this instance is to Stowage, from its tags ({@code stowage-endpoint}, {@code stowage-variant}, {@code
 * stowage-instance}), and where peers and the load balancer reach its runtime API ({@code http://<private
 * IPv4>:<port>}).
 */
public record HostIdentity(String endpointName, String variantName, String instanceId, String address) {

    public static HostIdentity read(Imds imds, int runtimePort) {
        return new HostIdentity(
                tag(imds, "stowage-endpoint"),
                tag(imds, "stowage-variant"),
                tag(imds, "stowage-instance"),
                "http://" + imds.localIpv4() + ":" + runtimePort);
    }

    private static String tag(Imds imds, String key) {
        return imds.tag(key)
                .orElseThrow(() -> new IllegalStateException("the instance has no tag " + key
                        + " in its metadata (are instance tags enabled in the launch template?)"));
    }
}
