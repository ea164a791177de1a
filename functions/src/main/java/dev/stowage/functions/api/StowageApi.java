package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.Arns;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.instances.Allocatable;
import dev.stowage.domain.instances.InstanceType;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.WireError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stowage's operations beyond the service (target prefix {@code Stowage}), described by {@code
 * service-models/stowage.json} so the same protocol, validation and signing apply.
 */
public final class StowageApi implements ServiceApi {
    private static final ServiceModel MODEL = ServiceModel.stowage();

    private final InstanceTypeCatalog catalog;
    private final PlacementExplainer explainer;

    StowageApi(InstanceTypeCatalog catalog, Reads reads, Arns arns, Clock clock) {
        this.catalog = catalog;
        this.explainer = new PlacementExplainer(reads, arns, catalog, clock);
    }

    @Override
    public ServiceModel model() {
        return MODEL;
    }

    @Override
    public Optional<ObjectNode> invoke(String operation, ObjectNode input, String requestId) {
        return switch (operation) {
            case "DescribeInstanceTypes" -> Optional.of(describeInstanceTypes(input));
            case "ExplainPlacement" -> Optional.of(explainer.explain(input));
            default -> Optional.empty();
        };
    }

    @Override
    public WireError error(CommandRejected rejected) {
        return ErrorCodes.sageMaker(rejected);
    }

    /** The named instance types (every supported one when none is named), with what a copy can use of each. */
    private ObjectNode describeInstanceTypes(ObjectNode input) {
        List<InstanceType> types = new ArrayList<>();
        JsonNode names = input.path("InstanceTypes");
        if (names.isArray()) {
            for (JsonNode name : names) {
                types.add(catalog.find(name.asText())
                        .orElseThrow(() -> CommandRejected.validation(
                                "Instance type " + name.asText() + " is not supported by Stowage.")));
            }
        } else {
            types.addAll(catalog.all());
        }
        ObjectNode output = Json.object();
        ArrayNode list = output.putArray("InstanceTypes");
        types.forEach(type -> list.add(info(type)));
        return output;
    }

    private static ObjectNode info(InstanceType type) {
        ObjectNode info = Json.object()
                .put("InstanceType", type.name())
                .put("Family", type.family())
                .put("VCpus", type.vcpus())
                .put("MemoryInMb", type.memoryMib());
        if (type.hasAccelerators()) {
            ObjectNode accelerators = info.putObject("Accelerators")
                    .put("Name", type.accelerator().displayName())
                    .put("Count", type.acceleratorCount())
                    .put("MemoryInMbPerDevice", type.acceleratorMemoryMib());
            if (type.accelerator().neuronCoresPerDevice() > 0) {
                accelerators.put("NeuronCoresPerDevice", type.accelerator().neuronCoresPerDevice());
            }
        }
        Allocatable allocatable = type.allocatable();
        info.putObject("Allocatable")
                .put("NumberOfCpuCores", allocatable.cores())
                .put("MemoryInMb", allocatable.memoryMib())
                .put("NumberOfAcceleratorDevices", allocatable.acceleratorDevices());
        return info;
    }
}
