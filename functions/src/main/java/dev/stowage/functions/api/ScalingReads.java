package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.domain.scaling.AutoScaling;
import dev.stowage.domain.scaling.ScalableTargetKey;
import dev.stowage.domain.scaling.ScalableTargetState.Registered;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.ViewKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The read side of Application Auto Scaling: every Describe folds the scalable-target streams it names, so it is
 * consistent with the write it follows. A request naming no resource looks at the target of every inference
 * component the views list (a few hundred at most); a target whose component was deleted is found by its resource
 * id only (ADR 0009).
 */
final class ScalingReads {
    private final AutoScaling autoScaling;
    private final Reads reads;

    ScalingReads(AutoScaling autoScaling, Reads reads) {
        this.autoScaling = autoScaling;
        this.reads = reads;
    }

    /**
     * The registered targets of the request's {@code ServiceNamespace} and {@code ScalableDimension}, by resource id:
     * those of {@code resourceIds}, or of every inference component when it is empty.
     */
    List<Registered> targets(JsonNode input, List<String> resourceIds) {
        if (!Json.text(input, "ServiceNamespace").orElse("").equals(ScalableTargetKey.NAMESPACE)
                || !Json.text(input, "ScalableDimension")
                        .orElse(ScalableTargetKey.DIMENSION)
                        .equals(ScalableTargetKey.DIMENSION)) {
            return List.of();
        }
        TreeSet<String> ids = new TreeSet<>(resourceIds);
        if (resourceIds.isEmpty()) {
            reads.listAll(ViewKind.INFERENCE_COMPONENT, InferenceComponentRow.class)
                    .forEach(row -> ids.add(ScalableTargetKey.RESOURCE_TYPE + row.name()));
        }
        List<Registered> targets = new ArrayList<>();
        for (String resourceId : ids) {
            var key = new ScalableTargetKey(ScalableTargetKey.NAMESPACE, resourceId, ScalableTargetKey.DIMENSION);
            if (key.componentName().isPresent() && autoScaling.load(key) instanceof Registered registered) {
                targets.add(registered);
            }
        }
        return targets;
    }

    /** The targets of a request that may name one {@code ResourceId}. */
    List<Registered> targets(JsonNode input) {
        return targets(input, Json.text(input, "ResourceId").map(List::of).orElse(List.of()));
    }

    /** The request's {@code ResourceIds}, when given. */
    static List<String> resourceIds(JsonNode input) {
        List<String> ids = new ArrayList<>();
        Optional.ofNullable(input.get("ResourceIds")).ifPresent(list -> list.forEach(id -> ids.add(id.asText())));
        return ids;
    }
}
