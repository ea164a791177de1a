package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.Arns;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.fleet.CopyFailure;
import dev.stowage.domain.fleet.FleetCopyRecord;
import dev.stowage.domain.fleet.FleetInstanceRecord;
import dev.stowage.domain.fleet.FleetState;
import dev.stowage.domain.fleet.RolloutProgress;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.ViewKind;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

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
        ObjectNode out = Json.object()
                .put("VariantName", variantName)
                .put("InstanceType", variant.path("InstanceType").asText());
        ArrayNode instances = out.putArray("Instances");
        fleet.instances().values().stream()
                .sorted(java.util.Comparator.comparing(FleetInstanceRecord::instanceId))
                .forEach(i -> instances.add(instance(i, fleet)));
        ArrayNode components = out.putArray("InferenceComponents");
        for (InferenceComponentRow row : componentsOn(endpointName, variantName, fleet)) {
            components.add(component(row, fleet));
        }
        return out;
    }

    private ObjectNode instance(FleetInstanceRecord instance, FleetState fleet) {
        ObjectNode out = Json.object()
                .put("InstanceId", instance.instanceId())
                .put("Status", instance.status().name());
        instance.capacity().ifPresent(capacity -> {
            List<FleetCopyRecord> held = fleet.copies().values().stream()
                    .filter(c -> c.instanceId().equals(instance.instanceId()))
                    .toList();
            long cores = capacity.milliCores()
                    - held.stream().mapToLong(FleetCopyRecord::milliCores).sum();
            long memory = capacity.memoryMib()
                    - held.stream().mapToLong(FleetCopyRecord::memoryMib).sum();
            Set<Integer> used = new TreeSet<>();
            held.forEach(c -> used.addAll(c.deviceIndices()));
            out.set(
                    "Allocatable",
                    resources(capacity.milliCores(), capacity.memoryMib(), capacity.acceleratorDevices()));
            out.set("Free", resources(cores, memory, capacity.acceleratorDevices() - used.size()));
            ArrayNode free = out.putArray("FreeAcceleratorDeviceIndices");
            IntStream.range(0, capacity.acceleratorDevices())
                    .filter(d -> !used.contains(d))
                    .forEach(free::add);
        });
        return out;
    }

    private ObjectNode component(InferenceComponentRow row, FleetState fleet) {
        List<FleetCopyRecord> copies = fleet.copiesOf(row.name()).stream()
                .sorted(java.util.Comparator.comparing(FleetCopyRecord::copyId))
                .toList();
        long live = copies.stream()
                .filter(c -> c.status() != FleetCopyRecord.Status.REMOVING && !fleet.replacing(c))
                .count();
        ObjectNode out = Json.object()
                .put("InferenceComponentName", row.name())
                .put("Status", row.componentStatus().wireName())
                .put("DesiredCopyCount", row.desiredCopyCount())
                .put("CurrentCopyCount", fleet.loadedCopies(row.name()))
                .put("PendingCopyCount", Math.max(0, row.desiredCopyCount() - live));
        String blocked = fleet.blocked().get(row.name());
        if (blocked != null) {
            out.put("PendingReason", blocked);
        }
        CopyFailure failure = fleet.failures().get(row.name());
        if (failure != null) {
            out.put("LastFailure", failure.reason() + " (" + failure.inARow() + " in a row)");
        }
        Optional<InferenceComponentState.Present> state =
                reads.component(row.name(), components) instanceof InferenceComponentState.Present p
                        ? Optional.of(p)
                        : Optional.empty();
        state.flatMap(p -> RolloutProgress.of(fleet, p, clock.instant()))
                .ifPresent(progress -> out.set("Rollout", rollout(progress)));
        ArrayNode list = out.putArray("Copies");
        for (FleetCopyRecord copy : copies) {
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
            state.ifPresent(
                    p -> c.put("RunsCurrentSpecification", copy.specifiedAt().equals(p.specifiedAt())));
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

    private static ObjectNode resources(long milliCores, long memoryMib, int devices) {
        return Json.object()
                .put("NumberOfCpuCores", milliCores / 1000.0)
                .put("MemoryInMb", memoryMib)
                .put("NumberOfAcceleratorDevices", devices);
    }
}
