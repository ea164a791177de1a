package dev.stowage.local.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A deployment file as read: its operations in order, and the default component template if it has one. */
public record Deployment(List<DeploymentEntry> entries) {
    public Deployment {
        entries = List.copyOf(entries);
    }

    /** How many entries of each operation, in the order of {@link Operation}. */
    public Map<Operation, Long> operationCounts() {
        return entries.stream()
                .collect(Collectors.groupingBy(DeploymentEntry::operation, TreeMap::new, Collectors.counting()));
    }

    /** The names of the components its {@code CreateInferenceComponent} entries create, in order. */
    public SequencedSet<String> createdComponents() {
        SequencedSet<String> names = new LinkedHashSet<>();
        for (DeploymentEntry entry : entries) {
            if (entry.operation() == Operation.CREATE_INFERENCE_COMPONENT) {
                names.add(entry.request().get("InferenceComponentName").asText());
            }
        }
        return names;
    }

    /** The {@code DefaultInferenceComponent} request, if the file has one. */
    public Optional<ObjectNode> defaultComponent() {
        return entries.stream()
                .filter(entry -> entry.operation() == Operation.DEFAULT_INFERENCE_COMPONENT)
                .map(DeploymentEntry::request)
                .findFirst();
    }

    /** Whether the template also registers a scalable target and puts a scaling policy. */
    public boolean defaultScales() {
        return defaultComponent()
                .map(template -> template.has("ScalableTarget") && template.has("ScalingPolicy"))
                .orElse(false);
    }

    /** The workload's components neither created by the file nor coverable by a template (none if it has one). */
    public List<String> uncovered(Collection<String> workloadComponents) {
        if (defaultComponent().isPresent()) {
            return List.of();
        }
        SequencedSet<String> created = createdComponents();
        return workloadComponents.stream()
                .filter(name -> !created.contains(name))
                .toList();
    }
}
