package dev.stowage.infra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.constructs.Node;

/**
 * What a platform team chooses for its deployment, read from CDK context ({@code cdk.json} or {@code -c key=value}).
 *
 * @param deployment the stack's name; it also names and tags every resource Stowage makes at run time
 *     ({@code stowage:deployment}, default {@code stowage})
 * @param instanceTypes the {@code ml.*} types endpoints may use ({@code stowage:instanceTypes}, comma-separated;
 *     empty: every type Stowage supports)
 * @param maxInstances the most instances the deployment runs at once ({@code stowage:maxInstances}, default 8)
 * @param maxCopiesPerInferenceComponent the quota on one inference component's copies ({@code
 *     stowage:maxCopiesPerInferenceComponent}, default 1000); beyond it a request gets {@code ResourceLimitExceeded}
 * @param vpcId an existing VPC to run the hosts in ({@code stowage:vpcId}; looked up, so the stack then needs an
 *     account and region); empty: the stack makes one
 * @param natGateways NAT gateways of the VPC the stack makes ({@code stowage:natGateways}, default 1)
 * @param artifactBuckets the buckets hosts may read model artifacts from ({@code stowage:artifactBuckets},
 *     comma-separated); empty: any bucket of the deployment's own account
 * @param ecrRepositories the ECR repositories hosts may pull images from ({@code stowage:ecrRepositories},
 *     comma-separated names of the deployment's account and region, or repository ARNs); empty: any repository of
 *     the deployment's account and region
 * @param logRetentionDays how long Lambda, API and copy logs are kept ({@code stowage:logRetentionDays}, default 30)
 * @param functionsJar the Lambda deployment package ({@code stowage:functionsJar})
 * @param hostJar the inference host's jar ({@code stowage:hostJar})
 */
public record StowageSettings(
        String deployment,
        List<String> instanceTypes,
        int maxInstances,
        int maxCopiesPerInferenceComponent,
        Optional<String> vpcId,
        int natGateways,
        List<String> artifactBuckets,
        List<String> ecrRepositories,
        int logRetentionDays,
        Path functionsJar,
        Path hostJar) {

    public static final String DEFAULT_DEPLOYMENT = "stowage";
    /** The functions' own default (CopyQuota.DEFAULT), written out so the deployment states it. */
    public static final int DEFAULT_COPY_QUOTA = 1_000;

    public StowageSettings {
        instanceTypes = List.copyOf(instanceTypes);
        artifactBuckets = List.copyOf(artifactBuckets);
        ecrRepositories = List.copyOf(ecrRepositories);
        if (!deployment.matches("[A-Za-z][A-Za-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("stowage:deployment must be a letter then up to 39 letters, digits"
                    + " or hyphens (it names the stack and its resources): " + deployment);
        }
        for (String type : instanceTypes) {
            if (!type.startsWith("ml.")) {
                throw new IllegalArgumentException("stowage:instanceTypes lists ml.* types; " + type + " is not one");
            }
        }
        for (String repository : ecrRepositories) {
            boolean valid = repository.startsWith("arn:")
                    ? repository.matches("arn:[a-z-]+:ecr:[a-z0-9-]+:\\d{12}:repository/.+")
                    : repository.matches("[a-z0-9][a-z0-9._/*-]*") && !repository.contains(".amazonaws.com");
            if (!valid) {
                throw new IllegalArgumentException("stowage:ecrRepositories lists repository names (models/llm) or"
                        + " ARNs (arn:aws:ecr:<region>:<account>:repository/<name>), not image URIs; " + repository
                        + " is neither");
            }
        }
        if (maxInstances < 1) {
            throw new IllegalArgumentException("stowage:maxInstances must be at least 1: " + maxInstances);
        }
        if (maxCopiesPerInferenceComponent < 1) {
            throw new IllegalArgumentException(
                    "stowage:maxCopiesPerInferenceComponent must be at least 1: " + maxCopiesPerInferenceComponent);
        }
    }

    /** The settings of this app's context; jars default to the reactor's build output next to {@code infra-cdk}. */
    public static StowageSettings fromContext(Node node) {
        Context context = new Context(node);
        return new StowageSettings(
                context.text("stowage:deployment").orElse(DEFAULT_DEPLOYMENT),
                context.list("stowage:instanceTypes"),
                context.integer("stowage:maxInstances").orElse(8),
                context.integer("stowage:maxCopiesPerInferenceComponent").orElse(DEFAULT_COPY_QUOTA),
                context.text("stowage:vpcId"),
                context.integer("stowage:natGateways").orElse(1),
                context.list("stowage:artifactBuckets"),
                context.list("stowage:ecrRepositories"),
                context.integer("stowage:logRetentionDays").orElse(30),
                Path.of(context.text("stowage:functionsJar").orElse("../functions/target/stowage-functions.jar")),
                Path.of(context.text("stowage:hostJar").orElse("../host/target/stowage-host.jar")));
    }

    /** Context values as the CLI gives them (strings) or as {@code cdk.json} does (JSON values). */
    private record Context(Node node) {
        Optional<String> text(String key) {
            Object value = node.tryGetContext(key);
            return value == null || value.toString().isBlank()
                    ? Optional.empty()
                    : Optional.of(value.toString().strip());
        }

        Optional<Integer> integer(String key) {
            return text(key).map(value -> {
                try {
                    return (int) Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + " must be a number: " + value, e);
                }
            });
        }

        List<String> list(String key) {
            Object value = node.tryGetContext(key);
            if (value instanceof List<?> items) {
                return items.stream().map(Object::toString).map(String::strip).toList();
            }
            return text(key)
                    .map(v -> Arrays.stream(v.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList())
                    .orElse(List.of());
        }
    }
}
