package dev.stowage.domain.component;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.events.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an inference component runs, as its stream stores it: the request's one {@code Specification}, which runs on
 * every instance type, or its {@code Specifications}, one per instance type, stored as {@code {"Specifications":
 * [...]}}. A copy on an instance of type T runs T's specification: the entry naming T, or the one entry that names
 * no type (a {@code Specification} is one entry).
 */
public record Specifications(Document stored) {
    private static final String LIST = "Specifications";

    /** The stored form of a request's {@code Specifications}. */
    public static Document store(List<Document> entries) {
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        entries.forEach(entry -> stored.withArray(LIST).add(entry.toJson()));
        return Document.of(stored);
    }

    /** Whether the component was given {@code Specifications} (one per instance type). */
    public boolean perType() {
        return stored.has(LIST);
    }

    /** The specifications in the order given: the one {@code Specification}, or each of {@code Specifications}. */
    public List<Document> entries() {
        if (!perType()) {
            return List.of(stored);
        }
        List<Document> entries = new ArrayList<>();
        stored.at(LIST)
                .ifPresent(list -> list.forEach(entry -> {
                    if (entry instanceof ObjectNode object) {
                        entries.add(Document.of(object));
                    }
                }));
        return List.copyOf(entries);
    }

    /** The specification a copy on an instance of {@code instanceType} runs, if the component has one for it. */
    public Optional<Document> forType(String instanceType) {
        List<Document> entries = entries();
        return entries.stream()
                .filter(entry ->
                        entry.text("InstanceType").filter(instanceType::equals).isPresent())
                .findFirst()
                .or(() -> entries.size() == 1 && !entries.getFirst().has("InstanceType")
                        ? Optional.of(entries.getFirst())
                        : Optional.empty());
    }

    /** The instance types the entries name (none for a specification that runs on every type). */
    public List<String> namedTypes() {
        return entries().stream()
                .flatMap(entry -> entry.text("InstanceType").stream())
                .toList();
    }

    /** Whether every entry applies to every type: a single specification that names no instance type. */
    public boolean anyType() {
        return namedTypes().isEmpty();
    }
}
