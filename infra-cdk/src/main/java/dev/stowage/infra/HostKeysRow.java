package dev.stowage.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The hosts' key ring is one row of the views table ({@link EventTables#VIEWS_HOST_KEYS_ROW}), which the API function
 * reads and replaces (GetItem and a conditional PutItem, within its grant on the table) to answer DescribeHostKeys.
 * Every other function reads and writes views through the same table grant, so each of them is denied the row: its
 * key in any item operation, and scans of the table, which would return it (no function scans; the kind index does not
 * hold the row, which has no kind). A deny outlasts any grant added later.
 */
final class HostKeysRow {
    static final List<String> ITEM_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:BatchGetItem",
            "dynamodb:Query",
            "dynamodb:ConditionCheckItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem");

    private HostKeysRow() {}

    static void deny(IRole role, ITable views) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("NoHostKeys")
                .effect(Effect.DENY)
                .actions(ITEM_ACTIONS)
                .resources(List.of(views.getTableArn()))
                .conditions(Map.of(
                        "ForAnyValue:StringEquals",
                        Map.of("dynamodb:LeadingKeys", List.of(EventTables.VIEWS_HOST_KEYS_ROW))))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("NoViewScans")
                .effect(Effect.DENY)
                .actions(List.of("dynamodb:Scan"))
                .resources(List.of(views.getTableArn()))
                .build());
    }
}
