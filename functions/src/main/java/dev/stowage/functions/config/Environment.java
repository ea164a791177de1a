package dev.stowage.functions.config;

import java.util.Map;

/**
 * The Lambda container's environment, read here and nowhere else in the functions (an architecture rule says so):
 * adapters and settings take the map, so tests and local mode hand in their own.
 */
public final class Environment {
    private Environment() {}

    /** Every variable of the process. */
    public static Map<String, String> variables() {
        return System.getenv();
    }
}
