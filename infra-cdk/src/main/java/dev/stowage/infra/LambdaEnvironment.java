package dev.stowage.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment Stowage's Lambda functions are deployed with: the contract between the stack and the functions
 * that read it ({@code Stores.fromEnvironment()}, the EC2 instance provider, the dashboards). A test checks that
 * the functions read every variable set here.
 */
public final class LambdaEnvironment {
    public static final String EVENTS_TABLE = "EVENTS_TABLE";
    public static final String VIEWS_TABLE = "VIEWS_TABLE";
    public static final String ACCOUNT_ID = "STOWAGE_ACCOUNT_ID";
    public static final String DEPLOYMENT = "STOWAGE_DEPLOYMENT";
    public static final String INSTANCE_TYPES = "STOWAGE_INSTANCE_TYPES";
    public static final String COPY_QUOTA = "STOWAGE_MAX_COPIES_PER_INFERENCE_COMPONENT";
    public static final String GPU_LAUNCH_TEMPLATE = "GPU_LAUNCH_TEMPLATE_ID";
    public static final String NEURON_LAUNCH_TEMPLATE = "NEURON_LAUNCH_TEMPLATE_ID";
    /** {@code subnet:zone,…}; functions still read {@code HOST_SUBNET_IDS} (no zones) of older deployments. */
    public static final String HOST_SUBNETS = "HOST_SUBNETS";

    public static final String RUNTIME_TARGET_GROUP = "RUNTIME_TARGET_GROUP_ARN";
    public static final String MAX_INSTANCES = "MAX_INSTANCES";
    public static final String DASHBOARD_PREFIX = "STOWAGE_DASHBOARD_PREFIX";
    public static final String FRONT_TOKEN = "STOWAGE_FRONT_TOKEN";

    private LambdaEnvironment() {}

    /**
     * What every function reads: the tables, the account its ARNs name, the deployment, its instance types and its
     * copy quota.
     */
    public static Map<String, String> of(
            String eventsTable,
            String viewsTable,
            String accountId,
            String deployment,
            List<String> instanceTypes,
            int copyQuota) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EVENTS_TABLE, eventsTable);
        env.put(VIEWS_TABLE, viewsTable);
        env.put(ACCOUNT_ID, accountId);
        env.put(DEPLOYMENT, deployment);
        env.put(INSTANCE_TYPES, String.join(",", instanceTypes));
        env.put(COPY_QUOTA, Integer.toString(copyQuota));
        return env;
    }

    /**
     * Plus the host subnets with their zones ({@code subnet-1:us-east-1a}): the zones placement balances new
     * instances over.
     */
    public static Map<String, String> withHostSubnets(Map<String, String> base, List<String> subnetsWithZones) {
        Map<String, String> env = new LinkedHashMap<>(base);
        env.put(HOST_SUBNETS, String.join(",", subnetsWithZones));
        return env;
    }

    /** Plus what launching instances needs (the instance provider), the host subnets with their zones among it. */
    public static Map<String, String> withInstances(
            Map<String, String> base,
            String gpuLaunchTemplate,
            String neuronLaunchTemplate,
            List<String> subnetsWithZones,
            String targetGroupArn,
            int maxInstances) {
        Map<String, String> env = withHostSubnets(base, subnetsWithZones);
        env.put(GPU_LAUNCH_TEMPLATE, gpuLaunchTemplate);
        env.put(NEURON_LAUNCH_TEMPLATE, neuronLaunchTemplate);
        env.put(RUNTIME_TARGET_GROUP, targetGroupArn);
        env.put(MAX_INSTANCES, Integer.toString(maxInstances));
        return env;
    }

    /** Plus the dashboards' name prefix. */
    public static Map<String, String> withDashboards(Map<String, String> base, String prefix) {
        Map<String, String> env = new LinkedHashMap<>(base);
        env.put(DASHBOARD_PREFIX, prefix);
        return env;
    }

    /** Plus the front token the API hands the hosts with their keys (the API function only, ADR 23). */
    public static Map<String, String> withFrontToken(Map<String, String> base, String token) {
        Map<String, String> env = new LinkedHashMap<>(base);
        env.put(FRONT_TOKEN, token);
        return env;
    }
}
