package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.Arns;
import dev.stowage.domain.component.Adapters;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.Specifications;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.controlplane.ControlPlane.SpecificationRequest;
import dev.stowage.domain.fleet.FleetState;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.Page;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * CreateInferenceComponent, DescribeInferenceComponent, UpdateInferenceComponent,
 * UpdateInferenceComponentRuntimeConfig, DeleteInferenceComponent, ListInferenceComponents.
 */
final class InferenceComponentOperations {
    private static final String NAME = "InferenceComponentName";
    private static final String ARN = "InferenceComponentArn";

    private final ControlPlane controlPlane;
    private final Reads reads;
    private final Arns arns;

    private final BiConsumer<String, String> deleted;

    InferenceComponentOperations(
            ControlPlane controlPlane, Reads reads, Arns arns, BiConsumer<String, String> deleted) {
        this.deleted = deleted;
        this.controlPlane = controlPlane;
        this.reads = reads;
        this.arns = arns;
    }

    ObjectNode create(ObjectNode input, String requestId) {
        String name = Json.requiredText(input, NAME);
        controlPlane.createInferenceComponent(
                name,
                Json.requiredText(input, "EndpointName"),
                Json.text(input, "VariantName"),
                specification(input),
                Json.integer(input, "RuntimeConfig", "CopyCount"),
                requestId);
        return Json.object().put(ARN, arns.inferenceComponent(name));
    }

    ObjectNode update(ObjectNode input, String requestId) {
        String name = Json.requiredText(input, NAME);
        controlPlane.updateInferenceComponent(
                name,
                specification(input),
                Json.integer(input, "RuntimeConfig", "CopyCount"),
                Json.document(input, "DeploymentConfig"),
                requestId);
        return Json.object().put(ARN, arns.inferenceComponent(name));
    }

    ObjectNode updateRuntimeConfig(ObjectNode input, String requestId) {
        String name = Json.requiredText(input, NAME);
        int copies = Json.integer(input, "DesiredRuntimeConfig", "CopyCount").orElse(0);
        controlPlane.setDesiredCopyCount(name, copies, CopyCountCause.API, requestId);
        return Json.object().put(ARN, arns.inferenceComponent(name));
    }

    ObjectNode delete(ObjectNode input, String requestId) {
        String name = Json.requiredText(input, NAME);
        controlPlane.deleteInferenceComponent(name, requestId);
        deleted.accept(name, requestId);
        return Json.object();
    }

    ObjectNode describe(ObjectNode input) {
        String name = Json.requiredText(input, NAME);
        InferenceComponentRow row = reads.describe(
                ViewKind.INFERENCE_COMPONENT,
                name,
                InferenceComponentRow.class,
                () -> InferenceComponentDecider.notFound(name));
        ObjectNode output = Json.object().put(NAME, row.name()).put(ARN, row.arn());
        output.put("EndpointName", row.endpointName()).put("EndpointArn", row.endpointArn());
        output.put("VariantName", row.variantName());
        FleetState fleet = reads.fleet(row.endpointName(), row.variantName());
        // Beyond the service: while copies load, how far they have come (an image pull's progress) shows as the reason.
        row.failureReason()
                .or(() -> Optional.ofNullable(fleet.blocked().get(row.name())))
                .or(() -> reads.loadingProgress(row.endpointName(), row.variantName(), row.name(), fleet))
                .ifPresent(reason -> output.put("FailureReason", reason));
        Specifications specifications = new Specifications(row.specification());
        if (specifications.perType()) {
            ArrayNode summaries = output.putArray("Specifications");
            specifications.entries().forEach(entry -> summaries.add(specificationSummary(entry)));
        } else {
            output.set("Specification", specificationSummary(row.specification()));
        }
        // An adapter has no copies of its own: it runs in its base's, so it shows no RuntimeConfig.
        if (Adapters.base(row.specification()).isEmpty()) {
            ObjectNode runtime = output.putObject("RuntimeConfig")
                    .put("DesiredCopyCount", row.desiredCopyCount())
                    .put("CurrentCopyCount", fleet.loadedCopies(row.name()));
            Map<String, Integer> placed = fleet.loadedCopiesByInstanceType(row.name());
            if (!placed.isEmpty()) {
                ArrayNode status = runtime.putArray("PlacementStatus");
                placed.forEach((type, copies) ->
                        status.addObject().put("InstanceType", type).put("CurrentCopyCount", copies));
            }
        }
        output.set("CreationTime", Json.epochSeconds(row.creationTime()));
        output.set("LastModifiedTime", Json.epochSeconds(row.lastModifiedTime()));
        output.put("InferenceComponentStatus", row.componentStatus().wireName());
        row.lastDeploymentConfig().ifPresent(config -> output.set("LastDeploymentConfig", config.toJson()));
        return output;
    }

    ObjectNode list(ObjectNode input) {
        Page<InferenceComponentRow> page = reads.list(ViewKind.INFERENCE_COMPONENT, input, InferenceComponentRow.class);
        ObjectNode output = Json.object();
        ArrayNode items = output.putArray("InferenceComponents");
        for (InferenceComponentRow row : page.items()) {
            ObjectNode item = items.addObject();
            item.set("CreationTime", Json.epochSeconds(row.creationTime()));
            item.put(ARN, row.arn()).put(NAME, row.name());
            item.put("EndpointArn", row.endpointArn()).put("EndpointName", row.endpointName());
            item.put("VariantName", row.variantName());
            item.put("InferenceComponentStatus", row.componentStatus().wireName());
            item.set("LastModifiedTime", Json.epochSeconds(row.lastModifiedTime()));
        }
        page.nextToken().ifPresent(token -> output.put("NextToken", token));
        return output;
    }

    private static SpecificationRequest specification(ObjectNode input) {
        List<Document> specifications = new ArrayList<>();
        input.path("Specifications").forEach(entry -> {
            if (entry instanceof ObjectNode object) {
                specifications.add(Document.of(object));
            }
        });
        return new SpecificationRequest(Json.document(input, "Specification"), specifications);
    }

    /** The specification as DescribeInferenceComponent shows it: the container's image becomes DeployedImage. */
    private static ObjectNode specificationSummary(Document specification) {
        ObjectNode summary = specification.toJson();
        JsonNode container = summary.get("Container");
        if (container instanceof ObjectNode given) {
            ObjectNode shown = Json.object();
            if (given.hasNonNull("Image")) {
                String image = given.get("Image").asText();
                shown.putObject("DeployedImage").put("SpecifiedImage", image).put("ResolvedImage", image);
            }
            for (String member : new String[] {"ArtifactUrl", "Environment"}) {
                if (given.hasNonNull(member)) {
                    shown.set(member, given.get(member).deepCopy());
                }
            }
            summary.set("Container", shown);
        }
        return summary;
    }
}
