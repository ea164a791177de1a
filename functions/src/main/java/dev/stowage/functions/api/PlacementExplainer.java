package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.Arns;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.fleet.FleetCopyRecord;
import dev.stowage.domain.fleet.FleetState;
import dev.stowage.domain.fleet.PlacementExplanation;
import dev.stowage.domain.fleet.RolloutProgress;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.events.Document;
import dev.stowage.events.FleetEvent.Capacity;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code Stowage.ExplainPlacement}: for each variant of an endpoint, its instances with what they offer and
 * what is free, and each inference component's copies — where they run, on which devices, why they were put
 * there, and whether they run its current specification — how many are pending and why, and how far a rollout has
 * come. What the real service keeps to itself.
 */
final class PlacementExplainer {
    private final Reads reads;
    private final Arns arns;
    private final InferenceComponentDecider components;
    private final Clock clock;

    PlacementExplainer(Reads reads, Arns arns, InstanceTypeCatalog catalog, Clock clock) {
        this.reads = reads;
        this.arns = arns;
        this.components = new InferenceComponentDecider(arns, catalog);
        this.clock = clock;
    }

    ObjectNode explain(ObjectNode input) {
        String name = Json.requiredText(input, "EndpointName");
        EndpointRow endpoint =
                reads.describe(ViewKind.ENDPOINT, name, EndpointRow.class, () -> EndpointDecider.notFound(arns, name));
        ObjectNode output = Json.object()
                .put("EndpointName", name)
                .put("EndpointStatus", endpoint.endpointStatus().wireName());
        ArrayNode variants = output.putArray("Variants");
        endpoint.endpointConfig()
                .at("ProductionVariants")
                .ifPresent(list -> list.forEach(v -> variants.add(variant(name, v))));
        return output;
    }

    private ObjectNode variant(String endpointName, JsonNode variant) {
        String variantName = variant.path("VariantName").asText();
        FleetState fleet = reads.fleet(endpointName, variantName);
        PlacementExplanation explanation = PlacementExplanation.of(
                fleet, subjects(componentsOn(endpointName, variantName, fleet)), clock.instant());
        ObjectNode out = Json.object().put("VariantName", variantName);
        if (variant.hasNonNull("InstanceType")) {
            out.put("InstanceType", variant.path("InstanceType").asText());
        }
        ArrayNode instances = out.putArray("Instances");
        explanation.instances().forEach(i -> instances.add(instance(i)));
        pools(variant, fleet, out);
        ArrayNode components = out.putArray("InferenceComponents");
        explanation.components().forEach(c -> components.add(component(c)));
        return out;
    }

    /**
     * The variant's pools, first choice first, with their registered instances and the last launch of the type that
     * failed for capacity since one registered (placement uses the next pool for a while after it).
     */
    private void pools(JsonNode variant, FleetState fleet, ObjectNode out) {
        ObjectNode config = Json.object();
        config.putArray("ProductionVariants").add(variant.deepCopy());
        List<ProductionVariant> parsed = ProductionVariant.of(Document.of(config));
        if (parsed.isEmpty() || parsed.getFirst().instancePools().isEmpty()) {
            return;
        }
        Map<String, Integer> running = fleet.runningInstancesByType();
        ArrayNode pools = out.putArray("InstancePools");
        List<String> types = parsed.getFirst().instanceTypesByPriority();
        for (String type : types) {
            ObjectNode pool = pools.addObject()
                    .put("InstanceType", type)
                    .put("Priority", types.indexOf(type) + 1)
                    .put("CurrentInstanceCount", running.getOrDefault(type, 0));
            Optional.ofNullable(fleet.shortages().get(type))
                    .ifPresent(shortage ->
                            pool.put("LastCapacityFailure", shortage.reason() + " (at " + shortage.at() + ")"));
        }
    }

    private List<PlacementExplanation.Subject> subjects(List<InferenceComponentRow> rows) {
        return rows.stream()
                .map(row -> new PlacementExplanation.Subject(
                        row.name(),
                        row.componentStatus(),
                        row.desiredCopyCount(),
                        reads.component(row.name(), components) instanceof InferenceComponentState.Present p
                                ? Optional.of(p)
                                : Optional.empty()))
                .toList();
    }

    private static ObjectNode instance(PlacementExplanation.Instance instance) {
        ObjectNode out = Json.object()
                .put("InstanceId", instance.instanceId())
                .put("InstanceType", instance.instanceType())
                .put("Status", instance.status().name());
        if (!instance.zone().isEmpty()) {
            out.put("AvailabilityZone", instance.zone());
        }
        instance.room().ifPresent(room -> {
            out.set("Allocatable", resources(room.allocatable()));
            out.set("Free", resources(room.free()));
            room.freeDeviceIndices().forEach(out.putArray("FreeAcceleratorDeviceIndices")::add);
        });
        return out;
    }

    private static ObjectNode component(PlacementExplanation.Component component) {
        PlacementExplanation.Subject subject = component.subject();
        ObjectNode out = Json.object()
                .put("InferenceComponentName", subject.name())
                .put("Status", subject.status().wireName())
                .put("DesiredCopyCount", subject.desiredCopyCount())
                .put("CurrentCopyCount", component.currentCopyCount())
                .put("PendingCopyCount", component.pendingCopyCount());
        component.pendingReason().ifPresent(reason -> out.put("PendingReason", reason));
        component.lastFailure().ifPresent(failure -> out.put("LastFailure", failure));
        component.rollout().ifPresent(progress -> out.set("Rollout", rollout(progress)));
        ArrayNode list = out.putArray("Copies");
        for (PlacementExplanation.Copy explained : component.copies()) {
            FleetCopyRecord copy = explained.record();
            ObjectNode c = list.addObject()
                    .put("CopyId", copy.copyId())
                    .put("InstanceId", copy.instanceId())
                    .put("Status", copy.status().name());
            copy.deviceIndices().forEach(c.putArray("AcceleratorDeviceIndices")::add);
            c.put("NumberOfCpuCores", copy.milliCores() / 1000.0).put("MemoryInMb", copy.memoryMib());
            if (!copy.replaces().isEmpty()) {
                c.put("Replaces", copy.replaces());
            }
            c.put("Why", copy.why());
            explained.runsCurrentSpecification().ifPresent(current -> c.put("RunsCurrentSpecification", current));
        }
        return out;
    }

    /** A rollout in progress: copies of the current specification (and how many baked), others, the policy. */
    private static ObjectNode rollout(RolloutProgress progress) {
        ObjectNode out = Json.object()
                .put(
                        "Kind",
                        progress.rollback() ? "Rollback" : progress.policy().isPresent() ? "Rolling" : "AllAtOnce")
                .put("CurrentSpecificationCopies", progress.currentCopies())
                .put("BakedCopies", progress.bakedCopies())
                .put("OtherSpecificationCopies", progress.otherCopies());
        progress.policy().ifPresent(policy -> out.put("MaximumBatchSize", policy.batchValue())
                .put("MaximumBatchSizeType", policy.batchType())
                .put("WaitIntervalInSeconds", policy.bakingPeriod().toSeconds()));
        progress.deadline().ifPresent(deadline -> out.set("RollbackAt", Json.epochSeconds(deadline)));
        return out;
    }

    private List<InferenceComponentRow> componentsOn(String endpointName, String variantName, FleetState fleet) {
        Set<String> names = new TreeSet<>();
        fleet.copies().values().forEach(c -> names.add(c.inferenceComponentName()));
        fleet.blocked().keySet().forEach(names::add);
        reads.listAll(ViewKind.INFERENCE_COMPONENT, InferenceComponentRow.class).stream()
                .filter(row -> row.endpointName().equals(endpointName)
                        && row.variantName().equals(variantName))
                .forEach(row -> names.add(row.name()));
        return names.stream()
                .flatMap(n -> reads.find(ViewKind.INFERENCE_COMPONENT, n, InferenceComponentRow.class).stream())
                .filter(row -> row.endpointName().equals(endpointName)
                        && row.variantName().equals(variantName))
                .toList();
    }

    private static ObjectNode resources(Capacity capacity) {
        return Json.object()
                .put("NumberOfCpuCores", capacity.milliCores() / 1000.0)
                .put("MemoryInMb", capacity.memoryMib())
                .put("NumberOfAcceleratorDevices", capacity.acceleratorDevices());
    }
}
