package dev.stowage.host.ec2;

/**
 * Who this instance is to Stowage, from its tags ({@code stowage-endpoint}, {@code stowage-variant}, {@code
 * stowage-instance}), and where its peers reach it ({@code http://<private IPv4>:<peer port>}, ADR 23).
 */
public record HostIdentity(String endpointName, String variantName, String instanceId, String address) {

    public static HostIdentity read(Imds imds, int peerPort) {
        return new HostIdentity(
                tag(imds, "stowage-endpoint"),
                tag(imds, "stowage-variant"),
                tag(imds, "stowage-instance"),
                "http://" + imds.localIpv4() + ":" + peerPort);
    }

    private static String tag(Imds imds, String key) {
        return imds.tag(key)
                .orElseThrow(() -> new IllegalStateException("the instance has no tag " + key
                        + " in its metadata (are instance tags enabled in the launch template?)"));
    }
}
