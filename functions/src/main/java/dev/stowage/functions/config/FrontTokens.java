package dev.stowage.functions.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The tokens the deployment's front sends to the hosts with every invocation (ADR 23): on AWS API Gateway's runtime
 * integration adds the stack's secret, which CloudFormation also resolves into {@code STOWAGE_FRONT_TOKEN} for the API
 * function (comma-separated: current first, then one still accepted while a new one is rolled out); none in local mode.
 */
public final class FrontTokens {
    static final String VARIABLE = "STOWAGE_FRONT_TOKEN";

    private FrontTokens() {}

    public static List<String> fromEnvironment() {
        return of(Environment.variables());
    }

    static List<String> of(Map<String, String> environment) {
        return Arrays.stream(environment.getOrDefault(VARIABLE, "").split(","))
                .map(String::strip)
                .filter(token -> !token.isEmpty())
                .toList();
    }
}
