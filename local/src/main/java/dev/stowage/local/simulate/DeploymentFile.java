package dev.stowage.local.simulate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code --deployment}: a JSON list of {@code {"Operation": "<operation>", "Request": {…}}} in the order a user
 * would call them. Checked here: the shape of each entry, that its operation is one {@link Operation} names, that
 * {@code CreateInferenceComponent} names its component once, and that there is at most one {@code
 * DefaultInferenceComponent}, whose {@code ScalableTarget} and {@code ScalingPolicy} members are objects. The requests'
 * own members are the APIs' to check, when the replay makes the calls. At most {@value #MAX_BYTES} bytes and
 * {@value #MAX_ENTRIES} entries. Errors are {@code <file>: entry <n> (line <l>): <why>}, entries counted from 1.
 */
public final class DeploymentFile {
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("Operation", "Request");

    private DeploymentFile() {}

    public static Deployment read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw InputException.inFile(file, "no such file (--deployment)");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw InputException.inFile(file, "larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        List<DeploymentEntry> entries = new ArrayList<>();
        Set<String> components = new HashSet<>();
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw InputException.inFile(
                        file, "line " + parser.currentLocation().getLineNr() + ": expected a JSON list of entries");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int number = entries.size() + 1;
                String where =
                        "entry " + number + " (line " + parser.currentLocation().getLineNr() + "): ";
                if (number > MAX_ENTRIES) {
                    throw InputException.inFile(file, where + "more than " + MAX_ENTRIES + " entries");
                }
                JsonNode node = JSON.readTree(parser);
                DeploymentEntry entry = entry(number, node, message -> InputException.inFile(file, where + message));
                checkOnce(entry, entries, components, message -> InputException.inFile(file, where + message));
                entries.add(entry);
            }
            if (parser.nextToken() != null) {
                throw InputException.inFile(
                        file, "line " + parser.currentLocation().getLineNr() + ": text after the list");
            }
        } catch (JacksonException e) {
            throw InputException.inFile(
                    file,
                    "line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": not valid JSON: "
                            + e.getOriginalMessage());
        }
        return new Deployment(entries);
    }

    private interface Refusal {
        InputException because(String why);
    }

    private static DeploymentEntry entry(int number, JsonNode node, Refusal refuse) {
        if (!node.isObject()) {
            throw refuse.because("expected an object {\"Operation\": …, \"Request\": {…}}");
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw refuse.because("unknown member \"" + name + "\" (an entry has \"Operation\" and \"Request\")");
            }
        }
        JsonNode operationName = node.get("Operation");
        if (operationName == null) {
            throw refuse.because("\"Operation\" is missing");
        }
        if (!operationName.isTextual()) {
            throw refuse.because("\"Operation\" must be a string, not " + operationName);
        }
        Operation operation = Operation.named(operationName.asText())
                .orElseThrow(() -> refuse.because("unknown Operation \"" + operationName.asText() + "\""));
        JsonNode request = node.get("Request");
        if (request == null) {
            throw refuse.because("\"Request\" is missing");
        }
        if (!(request instanceof ObjectNode object)) {
            throw refuse.because("\"Request\" must be an object, not " + request);
        }
        return new DeploymentEntry(number, operation, object);
    }

    private static void checkOnce(
            DeploymentEntry entry, List<DeploymentEntry> before, Set<String> components, Refusal refuse) {
        switch (entry.operation()) {
            case CREATE_INFERENCE_COMPONENT -> {
                JsonNode name = entry.request().get("InferenceComponentName");
                if (name == null || !name.isTextual() || name.asText().isBlank()) {
                    throw refuse.because("\"Request\".\"InferenceComponentName\" is missing or not a string");
                }
                if (!components.add(name.asText())) {
                    throw refuse.because("inference component \"" + name.asText() + "\" is created twice");
                }
            }
            case DEFAULT_INFERENCE_COMPONENT -> {
                if (before.stream().anyMatch(other -> other.operation() == Operation.DEFAULT_INFERENCE_COMPONENT)) {
                    throw refuse.because("a second DefaultInferenceComponent");
                }
                for (String member : List.of("ScalableTarget", "ScalingPolicy")) {
                    JsonNode value = entry.request().get(member);
                    if (value != null && !value.isObject()) {
                        throw refuse.because("\"Request\".\"" + member + "\" must be an object, not " + value);
                    }
                }
            }
            default -> {
                // checked by the APIs when the replay calls them
            }
        }
    }
}
