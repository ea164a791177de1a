package dev.stowage.local.sdk;

import static dev.stowage.local.sdk.BadRequestsIT.ARN_PREFIX;
import static dev.stowage.local.sdk.BadRequestsIT.CLASSIC_ENDPOINT;
import static dev.stowage.local.sdk.BadRequestsIT.IC;
import static dev.stowage.local.sdk.BadRequestsIT.IC_CONFIG;
import static dev.stowage.local.sdk.BadRequestsIT.IC_ENDPOINT;
import static dev.stowage.local.sdk.BadRequestsIT.MISSING;
import static dev.stowage.local.sdk.BadRequestsIT.MODEL;
import static dev.stowage.local.sdk.BadRequestsIT.ROLE;
import static dev.stowage.local.sdk.BadRequestsIT.VARIANT;
import static dev.stowage.local.sdk.BadRequestsIT.icVariant;
import static dev.stowage.local.sdk.BadRequestsIT.requirements;

import dev.stowage.local.sdk.BadRequestsIT.BadRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.CreateInferenceComponentRequest;

/** The table of {@link BadRequestsIT}: the request, the error code and the service's message. */
final class BadRequests {
    private static final String VALIDATION = "ValidationException";
    private static final String ONE = "1 validation error detected: ";
    private static final String NAME_PATTERN = "^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?$";
    private static final String ENDPOINT_NAME_PATTERN = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$";
    private static final String ROLE_PATTERN = "^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$";
    private static final String LONG_NAME = "a".repeat(64);
    private static final String BAD_ROLE = "arn:aws:iam::123:role/AccountTooShort";

    private final List<BadRequest> cases = new ArrayList<>();

    private BadRequests() {}

    static List<BadRequest> all() {
        BadRequests table = new BadRequests();
        table.models();
        table.endpointConfigs();
        table.endpoints();
        table.inferenceComponents();
        table.lists();
        return List.copyOf(table.cases);
    }

    private void models() {
        invalidPrefix(
                "CreateModel whose description is more than Stowage stores per change",
                s -> s.createModel(b ->
                        b.modelName("huge").executionRoleArn(ROLE).containers(fullContainer("a"), fullContainer("b"))),
                "The request is too large for Stowage to store: the resource it describes (model/huge) takes ");
        invalid(
                "CreateModel without ModelName",
                s -> s.createModel(b -> b.executionRoleArn(ROLE)),
                ONE + "Value null at 'modelName' failed to satisfy constraint: Member must not be null");
        invalid(
                "CreateModel with a name outside the pattern",
                s -> s.createModel(b -> b.modelName("bad_name")),
                ONE + "Value 'bad_name' at 'modelName' failed to satisfy constraint: Member must satisfy regular"
                        + " expression pattern: " + NAME_PATTERN);
        invalid(
                "CreateModel with a 64-character name",
                s -> s.createModel(b -> b.modelName(LONG_NAME)),
                ONE + "Value '" + LONG_NAME + "' at 'modelName' failed to satisfy constraint: Member must have length"
                        + " less than or equal to 63");
        invalid(
                "CreateModel with an ExecutionRoleArn outside the pattern",
                s -> s.createModel(b -> b.modelName("other").executionRoleArn(BAD_ROLE)),
                ONE + "Value '" + BAD_ROLE + "' at 'executionRoleArn' failed to satisfy constraint: Member must"
                        + " satisfy regular expression pattern: " + ROLE_PATTERN);
        invalid(
                "CreateModel with the name of an existing model",
                s -> s.createModel(b -> b.modelName(MODEL)),
                "Cannot create already existing model \"" + ARN_PREFIX + "model/" + MODEL + "\".");
        invalid("DescribeModel of a missing model", s -> s.describeModel(b -> b.modelName(MISSING)), missingModel());
        invalid("DeleteModel of a missing model", s -> s.deleteModel(b -> b.modelName(MISSING)), missingModel());
    }

    private void endpointConfigs() {
        invalid(
                "CreateEndpointConfig without ProductionVariants",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("config")),
                ONE + "Value null at 'productionVariants' failed to satisfy constraint: Member must not be null");
        invalid(
                "CreateEndpointConfig with an empty name and no ProductionVariants",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("")),
                "2 validation errors detected: Value '' at 'endpointConfigName' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: " + ENDPOINT_NAME_PATTERN
                        + "; Value null at 'productionVariants' failed to satisfy constraint: Member must not be null");
        invalid(
                "CreateEndpointConfig with InitialInstanceCount 0",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("config")
                        .executionRoleArn(ROLE)
                        .productionVariants(
                                icVariant().toBuilder().initialInstanceCount(0).build())),
                ONE + "Value '0' at 'productionVariants.1.member.initialInstanceCount' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 1");
        invalid(
                "CreateEndpointConfig with an unknown RoutingStrategy",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("config")
                        .executionRoleArn(ROLE)
                        .productionVariants(icVariant().toBuilder()
                                .routingConfig(r -> r.routingStrategy("ROUND_ROBIN"))
                                .build())),
                ONE + "Value 'ROUND_ROBIN' at 'productionVariants.1.member.routingConfig.routingStrategy' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [LEAST_OUTSTANDING_REQUESTS,"
                        + " RANDOM, STOWAGE_PREFIX_AWARE]");
        invalidPrefix(
                "CreateEndpointConfig with an unknown InstanceType",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("config")
                        .executionRoleArn(ROLE)
                        .productionVariants(icVariant().toBuilder()
                                .instanceType("ml.g5.huge")
                                .build())),
                ONE + "Value 'ml.g5.huge' at 'productionVariants.1.member.instanceType' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [ml.t2.medium, ml.t2.large,");
        invalid(
                "CreateEndpointConfig with MaxInstanceCount 0",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("config")
                        .executionRoleArn(ROLE)
                        .productionVariants(icVariant().toBuilder()
                                .managedInstanceScaling(m ->
                                        m.status("ENABLED").minInstanceCount(0).maxInstanceCount(0))
                                .build())),
                ONE + "Value '0' at 'productionVariants.1.member.managedInstanceScaling.maxInstanceCount' failed to"
                        + " satisfy constraint: Member must have value greater than or equal to 1");
        invalid(
                "CreateEndpointConfig with MinInstanceCount above MaxInstanceCount",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("config")
                        .executionRoleArn(ROLE)
                        .productionVariants(icVariant().toBuilder()
                                .managedInstanceScaling(m ->
                                        m.status("ENABLED").minInstanceCount(3).maxInstanceCount(2))
                                .build())),
                "MinInstanceCount (3) must be less than or equal to MaxInstanceCount (2).");
        invalid(
                "CreateEndpointConfig with ManagedInstanceScaling on a model-based variant",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("config")
                        .productionVariants(icVariant().toBuilder()
                                .modelName(MODEL)
                                .managedInstanceScaling(m ->
                                        m.status("ENABLED").minInstanceCount(1).maxInstanceCount(2))
                                .build())),
                "ManagedInstanceScaling is only supported for inference component endpoints.");
        invalid(
                "CreateEndpointConfig for inference components without ExecutionRoleArn",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("config").productionVariants(icVariant())),
                "ExecutionRoleArn is required when the production variant does not specify a ModelName.");
        invalid(
                "CreateEndpointConfig with an ExecutionRoleArn outside the pattern",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("config")
                        .executionRoleArn(BAD_ROLE)
                        .productionVariants(icVariant())),
                ONE + "Value '" + BAD_ROLE + "' at 'executionRoleArn' failed to satisfy constraint: Member must"
                        + " satisfy regular expression pattern: " + ROLE_PATTERN);
        invalid(
                "CreateEndpointConfig with a missing model",
                s -> s.createEndpointConfig(b -> b.endpointConfigName("config")
                        .productionVariants(
                                icVariant().toBuilder().modelName(MISSING).build())),
                missingModel());
        invalid(
                "CreateEndpointConfig with the name of an existing config",
                s -> s.createEndpointConfig(b ->
                        b.endpointConfigName(IC_CONFIG).executionRoleArn(ROLE).productionVariants(icVariant())),
                "Cannot create already existing endpoint configuration \"" + ARN_PREFIX + "endpoint-config/" + IC_CONFIG
                        + "\".");
        invalid(
                "CreateEndpointConfig with a serverless variant",
                s -> s.createEndpointConfig(
                        b -> b.endpointConfigName("config").productionVariants(v -> v.variantName(VARIANT)
                                .modelName(MODEL)
                                .serverlessConfig(c -> c.memorySizeInMB(2048).maxConcurrency(5)))),
                "Stowage does not run serverless inference: remove ServerlessConfig from variant \"" + VARIANT
                        + "\". Stowage runs variants with an InstanceType or InstancePools, and an InitialInstanceCount.");
        invalid(
                "DescribeEndpointConfig of a missing config",
                s -> s.describeEndpointConfig(b -> b.endpointConfigName(MISSING)),
                missingConfig());
        invalid(
                "DeleteEndpointConfig of a missing config",
                s -> s.deleteEndpointConfig(b -> b.endpointConfigName(MISSING)),
                missingConfig());
    }

    private void endpoints() {
        invalid(
                "CreateEndpoint with a name outside the pattern",
                s -> s.createEndpoint(b -> b.endpointName("bad_name").endpointConfigName(IC_CONFIG)),
                ONE + "Value 'bad_name' at 'endpointName' failed to satisfy constraint: Member must satisfy regular"
                        + " expression pattern: " + ENDPOINT_NAME_PATTERN);
        invalid(
                "CreateEndpoint without EndpointConfigName",
                s -> s.createEndpoint(b -> b.endpointName("endpoint")),
                ONE + "Value null at 'endpointConfigName' failed to satisfy constraint: Member must not be null");
        invalid(
                "CreateEndpoint with a missing config",
                s -> s.createEndpoint(b -> b.endpointName("endpoint").endpointConfigName(MISSING)),
                missingConfig());
        invalid(
                "CreateEndpoint with the name of an existing endpoint",
                s -> s.createEndpoint(b -> b.endpointName(IC_ENDPOINT).endpointConfigName(IC_CONFIG)),
                "Cannot create already existing endpoint \"" + ARN_PREFIX + "endpoint/" + IC_ENDPOINT + "\".");
        invalid(
                "DescribeEndpoint of a missing endpoint",
                s -> s.describeEndpoint(b -> b.endpointName(MISSING)),
                missingEndpoint());
        invalid(
                "DeleteEndpoint of a missing endpoint",
                s -> s.deleteEndpoint(b -> b.endpointName(MISSING)),
                missingEndpoint());
        invalid(
                "UpdateEndpoint of a missing endpoint",
                s -> s.updateEndpoint(b -> b.endpointName(MISSING).endpointConfigName(IC_CONFIG)),
                missingEndpoint());
        invalid(
                "UpdateEndpoint to a missing config",
                s -> s.updateEndpoint(b -> b.endpointName(IC_ENDPOINT).endpointConfigName(MISSING)),
                missingConfig());
        invalid(
                "DeleteEndpoint while an inference component remains",
                s -> s.deleteEndpoint(b -> b.endpointName(IC_ENDPOINT)),
                "Cannot delete endpoint \"" + ARN_PREFIX + "endpoint/" + IC_ENDPOINT
                        + "\" because it has 1 inference component(s). Delete the inference components first.");
    }

    private void inferenceComponents() {
        invalid(
                "CreateInferenceComponent with a bad name and no EndpointName",
                s -> s.createInferenceComponent(b -> b.inferenceComponentName("bad_ic")
                        .specification(p -> p.modelName(MODEL).computeResourceRequirements(requirements()))
                        .runtimeConfig(r -> r.copyCount(1))),
                "2 validation errors detected: Value 'bad_ic' at 'inferenceComponentName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN
                        + "; Value null at 'endpointName' failed to satisfy constraint: Member must not be null");
        invalid(
                "CreateInferenceComponent with a 64-character name",
                s -> s.createInferenceComponent(
                        b -> b.inferenceComponentName(LONG_NAME).endpointName(IC_ENDPOINT)),
                ONE + "Value '" + LONG_NAME + "' at 'inferenceComponentName' failed to satisfy constraint: Member"
                        + " must have length less than or equal to 63");
        invalid(
                "CreateInferenceComponent on a missing endpoint",
                s -> s.createInferenceComponent(create("ic-2", MISSING, 1)),
                missingEndpoint());
        invalid(
                "CreateInferenceComponent on a model-based endpoint",
                s -> s.createInferenceComponent(create("ic-2", CLASSIC_ENDPOINT, 1)),
                "Invalid request provided: Inference Components are not supported in this Endpoint. Please make sure"
                        + " this endpoint can deploy inference components.");
        invalid(
                "CreateInferenceComponent with a missing model",
                s -> s.createInferenceComponent(b -> b.inferenceComponentName("ic-2")
                        .endpointName(IC_ENDPOINT)
                        .specification(p -> p.modelName(MISSING).computeResourceRequirements(requirements()))
                        .runtimeConfig(r -> r.copyCount(1))),
                missingModel());
        invalid(
                "CreateInferenceComponent with CopyCount 0",
                s -> s.createInferenceComponent(create("ic-2", IC_ENDPOINT, 0)),
                ONE + "Value '0' at 'runtimeConfig.copyCount' failed to satisfy constraint: Member must have value"
                        + " greater than or equal to 1");
        invalid(
                "CreateInferenceComponent without Specification",
                s -> s.createInferenceComponent(b -> b.inferenceComponentName("ic-2")
                        .endpointName(IC_ENDPOINT)
                        .runtimeConfig(r -> r.copyCount(1))),
                "Specification is required when creating an inference component.");
        invalid(
                "CreateInferenceComponent with neither ModelName nor Container",
                s -> s.createInferenceComponent(b -> b.inferenceComponentName("ic-2")
                        .endpointName(IC_ENDPOINT)
                        .specification(p -> p.computeResourceRequirements(requirements()))
                        .runtimeConfig(r -> r.copyCount(1))),
                "Either ModelName or Container must be specified in the Specification.");
        invalid(
                "CreateInferenceComponent with NumberOfCpuCoresRequired 0.1",
                s -> s.createInferenceComponent(b -> b.inferenceComponentName("ic-2")
                        .endpointName(IC_ENDPOINT)
                        .specification(p -> p.modelName(MODEL)
                                .computeResourceRequirements(requirements().toBuilder()
                                        .numberOfCpuCoresRequired(0.1f)
                                        .build()))
                        .runtimeConfig(r -> r.copyCount(1))),
                ONE + "Value '0.1' at 'specification.computeResourceRequirements.numberOfCpuCoresRequired' failed to"
                        + " satisfy constraint: Member must have value greater than or equal to 0.25");
        invalid(
                "CreateInferenceComponent with MinMemoryRequiredInMb 64",
                s -> s.createInferenceComponent(b -> b.inferenceComponentName("ic-2")
                        .endpointName(IC_ENDPOINT)
                        .specification(p -> p.modelName(MODEL)
                                .computeResourceRequirements(requirements().toBuilder()
                                        .minMemoryRequiredInMb(64)
                                        .build()))
                        .runtimeConfig(r -> r.copyCount(1))),
                ONE + "Value '64' at 'specification.computeResourceRequirements.minMemoryRequiredInMb' failed to"
                        + " satisfy constraint: Member must have value greater than or equal to 128");
        invalid(
                "CreateInferenceComponent without MinMemoryRequiredInMb",
                s -> s.createInferenceComponent(b -> b.inferenceComponentName("ic-2")
                        .endpointName(IC_ENDPOINT)
                        .specification(p -> p.modelName(MODEL)
                                .computeResourceRequirements(
                                        c -> c.numberOfCpuCoresRequired(1.0f).numberOfAcceleratorDevicesRequired(1.0f)))
                        .runtimeConfig(r -> r.copyCount(1))),
                ONE + "Value null at 'specification.computeResourceRequirements.minMemoryRequiredInMb' failed to"
                        + " satisfy constraint: Member must not be null");
        invalid(
                "CreateInferenceComponent with a 30-second model download timeout",
                s -> s.createInferenceComponent(b -> b.inferenceComponentName("ic-2")
                        .endpointName(IC_ENDPOINT)
                        .specification(p -> p.modelName(MODEL)
                                .startupParameters(t -> t.modelDataDownloadTimeoutInSeconds(30))
                                .computeResourceRequirements(requirements()))
                        .runtimeConfig(r -> r.copyCount(1))),
                ONE + "Value '30' at 'specification.startupParameters.modelDataDownloadTimeoutInSeconds' failed to"
                        + " satisfy constraint: Member must have value greater than or equal to 60");
        invalid(
                "CreateInferenceComponent with the name of an existing one",
                s -> s.createInferenceComponent(create(IC, IC_ENDPOINT, 1)),
                "Cannot create already existing inference component \"" + ARN_PREFIX + "inference-component/" + IC
                        + "\".");
        invalid(
                "UpdateInferenceComponentRuntimeConfig with CopyCount -1",
                s -> s.updateInferenceComponentRuntimeConfig(
                        b -> b.inferenceComponentName(IC).desiredRuntimeConfig(r -> r.copyCount(-1))),
                ONE + "Value '-1' at 'desiredRuntimeConfig.copyCount' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 0");
        limitExceeded(
                "UpdateInferenceComponentRuntimeConfig with CopyCount 2147483647",
                s -> s.updateInferenceComponentRuntimeConfig(
                        b -> b.inferenceComponentName(IC).desiredRuntimeConfig(r -> r.copyCount(Integer.MAX_VALUE))),
                "The account-level service limit 'Maximum copies per inference component' is 1000 copies, and the"
                        + " request asks for 2147483647. Ask the operator of this Stowage deployment to raise the quota"
                        + " (STOWAGE_MAX_COPIES_PER_INFERENCE_COMPONENT).");
        limitExceeded(
                "CreateInferenceComponent with more copies than its variant can ever hold",
                s -> s.createInferenceComponent(create("ic-2", IC_ENDPOINT, 5)),
                "CopyCount 5 exceeds the 4 copies variant \"" + VARIANT + "\" can hold: at most 1 instance (its"
                        + " InitialInstanceCount) of ml.g5.12xlarge, 4 copies each.");
        invalid(
                "UpdateInferenceComponentRuntimeConfig without DesiredRuntimeConfig",
                s -> s.updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(IC)),
                ONE + "Value null at 'desiredRuntimeConfig' failed to satisfy constraint: Member must not be null");
        invalid(
                "UpdateInferenceComponentRuntimeConfig of a missing inference component",
                s -> s.updateInferenceComponentRuntimeConfig(
                        b -> b.inferenceComponentName(MISSING).desiredRuntimeConfig(r -> r.copyCount(1))),
                missingComponent());
        invalid(
                "UpdateInferenceComponent of a missing inference component",
                s -> s.updateInferenceComponent(
                        b -> b.inferenceComponentName(MISSING).runtimeConfig(r -> r.copyCount(1))),
                missingComponent());
        invalid(
                "UpdateInferenceComponent with neither Specification nor RuntimeConfig",
                s -> s.updateInferenceComponent(b -> b.inferenceComponentName(IC)),
                "At least one of Specification or RuntimeConfig must be provided.");
        invalid(
                "DescribeInferenceComponent of a missing inference component",
                s -> s.describeInferenceComponent(b -> b.inferenceComponentName(MISSING)),
                missingComponent());
        invalid(
                "DeleteInferenceComponent of a missing inference component",
                s -> s.deleteInferenceComponent(b -> b.inferenceComponentName(MISSING)),
                missingComponent());
    }

    private void lists() {
        invalid(
                "ListModels with MaxResults 0",
                s -> s.listModels(b -> b.maxResults(0)),
                ONE + "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or"
                        + " equal to 1");
        invalid(
                "ListInferenceComponents with MaxResults 101",
                s -> s.listInferenceComponents(b -> b.maxResults(101)),
                ONE + "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or"
                        + " equal to 100");
        invalid(
                "ListModels sorted by Status",
                s -> s.listModels(b -> b.sortBy("Status")),
                ONE + "Value 'Status' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [Name, CreationTime]");
        invalid(
                "ListInferenceComponents with an unknown SortOrder",
                s -> s.listInferenceComponents(b -> b.sortOrder("Upwards")),
                ONE + "Value 'Upwards' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value"
                        + " set: [Ascending, Descending]");
        invalid(
                "ListEndpoints with an unknown StatusEquals",
                s -> s.listEndpoints(b -> b.statusEquals("Running")),
                ONE + "Value 'Running' at 'statusEquals' failed to satisfy constraint: Member must satisfy enum value"
                        + " set: [OutOfService, Creating, Updating, SystemUpdating, RollingBack, InService, Deleting,"
                        + " Failed, UpdateRollbackFailed]");
        invalid(
                "ListInferenceComponents with an unknown StatusEquals",
                s -> s.listInferenceComponents(b -> b.statusEquals("Running")),
                ONE + "Value 'Running' at 'statusEquals' failed to satisfy constraint: Member must satisfy enum value"
                        + " set: [InService, Creating, Updating, Failed, Deleting]");
        invalid(
                "ListModels with a NextToken it never returned",
                s -> s.listModels(b -> b.nextToken("not-a-token")),
                "Invalid NextToken: pass the NextToken of a previous response as given.");
    }

    private static Consumer<CreateInferenceComponentRequest.Builder> create(String name, String endpoint, int copies) {
        return b -> b.inferenceComponentName(name)
                .endpointName(endpoint)
                .variantName(VARIANT)
                .specification(p -> p.modelName(MODEL).computeResourceRequirements(requirements()))
                .runtimeConfig(r -> r.copyCount(copies));
    }

    /** A container with the most Environment entries the model allows, each key and value as long as allowed. */
    private static ContainerDefinition fullContainer(String hostname) {
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            environment.put("K" + String.format("%03d", i) + "k".repeat(1020), "v".repeat(1024));
        }
        return ContainerDefinition.builder()
                .containerHostname(hostname)
                .image("stowage/echo")
                .environment(environment)
                .build();
    }

    private static String missingModel() {
        return "Could not find model \"" + ARN_PREFIX + "model/" + MISSING + "\".";
    }

    private static String missingConfig() {
        return "Could not find endpoint configuration \"" + ARN_PREFIX + "endpoint-config/" + MISSING + "\".";
    }

    private static String missingEndpoint() {
        return "Could not find endpoint \"" + ARN_PREFIX + "endpoint/" + MISSING + "\".";
    }

    private static String missingComponent() {
        return "Could not find inference component \"" + MISSING + "\".";
    }

    private void invalid(String name, Consumer<SageMakerClient> call, String message) {
        cases.add(new BadRequest(name, call, VALIDATION, message, false));
    }

    private void limitExceeded(String name, Consumer<SageMakerClient> call, String message) {
        cases.add(new BadRequest(name, call, "ResourceLimitExceeded", message, false));
    }

    private void invalidPrefix(String name, Consumer<SageMakerClient> call, String message) {
        cases.add(new BadRequest(name, call, VALIDATION, message, true));
    }
}
