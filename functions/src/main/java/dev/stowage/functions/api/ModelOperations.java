package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.Arns;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.model.ModelDecider;
import dev.stowage.domain.views.ModelRow;
import dev.stowage.domain.views.Page;
import dev.stowage.domain.views.ViewKind;

/** CreateModel, DescribeModel, DeleteModel, ListModels. */
final class ModelOperations {
    private static final String NAME = "ModelName";

    private final ControlPlane controlPlane;
    private final Reads reads;
    private final Arns arns;

    ModelOperations(ControlPlane controlPlane, Reads reads, Arns arns) {
        this.controlPlane = controlPlane;
        this.reads = reads;
        this.arns = arns;
    }

    ObjectNode create(ObjectNode input, String requestId) {
        String name = Json.requiredText(input, NAME);
        controlPlane.createModel(name, Json.description(input, NAME), requestId);
        return Json.object().put("ModelArn", arns.model(name));
    }

    ObjectNode describe(ObjectNode input) {
        String name = Json.requiredText(input, NAME);
        ModelRow row = reads.describe(ViewKind.MODEL, name, ModelRow.class, () -> ModelDecider.notFound(arns, name));
        ObjectNode output = Json.object().put(NAME, row.name());
        Json.merge(output, row.description());
        return output.put("ModelArn", row.arn()).set("CreationTime", Json.epochSeconds(row.creationTime()));
    }

    ObjectNode delete(ObjectNode input, String requestId) {
        controlPlane.deleteModel(Json.requiredText(input, NAME), requestId);
        return Json.object();
    }

    ObjectNode list(ObjectNode input) {
        Page<ModelRow> page = reads.list(ViewKind.MODEL, input, ModelRow.class);
        ObjectNode output = Json.object();
        ArrayNode models = output.putArray("Models");
        for (ModelRow row : page.items()) {
            models.addObject()
                    .put(NAME, row.name())
                    .put("ModelArn", row.arn())
                    .set("CreationTime", Json.epochSeconds(row.creationTime()));
        }
        page.nextToken().ifPresent(token -> output.put("NextToken", token));
        return output;
    }
}
