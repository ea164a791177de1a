package dev.stowage.infra;

import java.util.Map;

/**
 * The environment every Stowage Lambda function is deployed with: the contract between the stack and {@code
 * dev.stowage.functions.config.Stores#fromEnvironment()}.
 */
public final class LambdaEnvironment {
    public static final String EVENTS_TABLE = "EVENTS_TABLE";
    public static final String VIEWS_TABLE = "VIEWS_TABLE";
    public static final String ACCOUNT_ID = "STOWAGE_ACCOUNT_ID";

    private LambdaEnvironment() {}

    public static Map<String, String> of(String eventsTable, String viewsTable, String accountId) {
        return Map.of(EVENTS_TABLE, eventsTable, VIEWS_TABLE, viewsTable, ACCOUNT_ID, accountId);
    }
}
