package dev.stowage.wire.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * HTTP request headers with case-insensitive names (the JDK {@code HttpServer} and API Gateway both
 * change the case clients sent) and possibly several values per name, in arrival order.
 */
public final class Headers {

    private final Map<String, List<String>> values;

    private Headers(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Headers from a multi-valued map, e.g. the JDK server's or API Gateway's {@code multiValueHeaders}. */
    public static Headers of(Map<String, ? extends List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, list) ->
                copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list));
        copy.replaceAll((name, list) -> List.copyOf(list));
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** Headers from single values. */
    public static Headers ofSingle(Map<String, String> headers) {
        Map<String, List<String>> lists = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) ->
                lists.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        return of(lists);
    }

    /** Every value of the header, in arrival order; empty when absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The first value of the header. */
    public Optional<String> first(String name) {
        List<String> list = all(name);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    /** The names present, as the request had them (case aside), in name order. */
    public Set<String> names() {
        return values.keySet();
    }

    /** Whether the header is present. */
    public boolean contains(String name) {
        return values.containsKey(name);
    }
}
