package dev.stowage.functions.dashboards;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How dashboards are named and where their graphs look: {@code <prefix><endpoint name>} in {@code region}. In a
 * Lambda container they come from {@code STOWAGE_DASHBOARD_PREFIX} (default {@value #DEFAULT_PREFIX}) and {@code
 * AWS_REGION}.
 */
public record DashboardSettings(String prefix, String region) {
    public static final String DEFAULT_PREFIX = "Stowage-";
    /** CloudWatch's rule for dashboard names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    /** The longest endpoint name SageMaker accepts. */
    private static final int LONGEST_ENDPOINT_NAME = 63;

    public DashboardSettings {
        if (!prefix.isEmpty() && !NAME.matcher(prefix).matches() || prefix.length() + LONGEST_ENDPOINT_NAME > 255) {
            throw new IllegalArgumentException("Dashboard prefix \"" + prefix
                    + "\" must be letters, digits, '-' and '_', at most " + (255 - LONGEST_ENDPOINT_NAME)
                    + " of them.");
        }
    }

    public static DashboardSettings fromEnvironment(Map<String, String> env) {
        return new DashboardSettings(
                env.getOrDefault("STOWAGE_DASHBOARD_PREFIX", DEFAULT_PREFIX),
                env.getOrDefault("AWS_REGION", "us-east-1"));
    }

    /** The dashboard of endpoint {@code endpointName}. */
    public String dashboardName(String endpointName) {
        String name = prefix + endpointName;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid dashboard name.");
        }
        return name;
    }

    /** The endpoint whose dashboard {@code dashboardName} is, if it is one of ours. */
    public Optional<String> endpointOf(String dashboardName) {
        return dashboardName.startsWith(prefix) && dashboardName.length() > prefix.length()
                ? Optional.of(dashboardName.substring(prefix.length()))
                : Optional.empty();
    }
}
