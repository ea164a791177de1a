package dev.stowage.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * InvokeEndpoint and InvokeEndpointWithResponseStream, derived from the runtime's service model (which members
 * travel in which header, and their constraints), to local mode's port or now and then straight to a host's: the
 * fixture's endpoint and component or others, headers valid or past their length and pattern, endpoint names in the
 * path that break theirs, bodies empty, binary, of a MiB or past the 6 MiB limit, odd paths and methods, and
 * Stowage's {@code X-Stowage-Wait-For-Capacity} with odd values.
 */
final class RuntimeRequests {
    static final String MODEL = "/service-models/sagemaker-runtime.json";
    private static final int MAX_BODY = 6 * 1024 * 1024;
    private static final List<String> OPERATIONS = List.of("InvokeEndpoint", "InvokeEndpointWithResponseStream");
    private static final String COMPONENT_HEADER = "X-Amzn-SageMaker-Inference-Component";

    private final ServiceModel model;
    private final Map<String, Map<String, String>> headersByOperation = new LinkedHashMap<>();
    private final URI api;
    private final List<URI> hosts;

    RuntimeRequests(URI api, List<URI> hosts) {
        this.api = api;
        this.hosts = hosts;
        JsonNode json = read();
        this.model = ServiceModel.parse(json);
        for (String operation : OPERATIONS) {
            String input = json.path("operations")
                    .path(operation)
                    .path("input")
                    .path("shape")
                    .asText();
            Map<String, String> headers = new LinkedHashMap<>();
            json.path("shapes").path(input).path("members").properties().forEach(member -> {
                if (member.getValue().path("location").asText().equals("header")) {
                    headers.put(
                            member.getKey(),
                            member.getValue().path("locationName").asText());
                }
            });
            headersByOperation.put(operation, headers);
        }
    }

    FuzzRequest make(long index, Dice dice) {
        String operation = dice.pick(OPERATIONS);
        boolean host = !hosts.isEmpty() && dice.chance(0.15);
        RequestDraft draft =
                new RequestDraft(index, operation, false, Wire.RUNTIME, host ? dice.pick(hosts) : api, "sagemaker");
        draft.signatureChecked = !host;
        Shape.Structure input = (Shape.Structure)
                model.shape(model.operation(operation).orElseThrow().input());
        ObjectNode members = ExactJson.NODES.objectNode();
        String endpoint = endpointName(dice, draft);
        members.put("EndpointName", endpoint);
        members.put("Body", "");
        Map<String, String> headers = headersByOperation.get(operation);
        if (dice.chance(0.85)) {
            draft.header(COMPONENT_HEADER, dice.chance(0.9) ? Fixture.COMPONENT : Fixture.MISSING);
        } else {
            draft.mutated("no inference component", false);
        }
        draft.header("Content-Type", dice.pick("application/json", "text/csv", "application/octet-stream"));
        headers.forEach((member, header) -> {
            if (!header.equalsIgnoreCase(COMPONENT_HEADER)
                    && !header.equalsIgnoreCase("Content-Type")
                    && dice.chance(0.1)) {
                draft.header(header, new ValidValues(model, dice).text((Shape.Text) shapeOf(input, member)));
            }
        });
        if (dice.chance(0.4)) {
            mutateHeader(draft, input, headers, dice);
        }
        draft.path = path(operation, endpoint, dice, draft);
        draft.body = body(dice, draft);
        if (dice.chance(0.05)) {
            String wait = dice.pick("0", "1", "-1", "NaN", "1e400", "abc", "0.001", "", "99999999999");
            draft.header("X-Stowage-Wait-For-Capacity", wait);
            draft.mutated("X-Stowage-Wait-For-Capacity " + wait, false);
        }
        if (dice.chance(0.25)) {
            new TransportMutations(dice).mutate(draft);
        }
        headers.forEach((member, header) -> draft.headers.stream()
                .filter(h -> h.named(header))
                .findFirst()
                .ifPresent(h -> members.put(member, h.value())));
        boolean componentMissing = draft.headers.stream().noneMatch(h -> h.named(COMPONENT_HEADER));
        boolean modelRejects =
                !new ShapeOracle(model, false).violations(input.name(), members).isEmpty()
                        || draft.body.length > MAX_BODY
                        || (componentMissing && endpoint.equals(Fixture.ENDPOINT));
        return draft.build(modelRejects);
    }

    private static String endpointName(Dice dice, RequestDraft draft) {
        if (dice.chance(0.8)) {
            return Fixture.ENDPOINT;
        }
        String name = dice.pick(Fixture.MISSING, "a".repeat(64), "a_b", "", "-a", "a-", "é", "a.b", "A".repeat(63));
        draft.mutated("endpoint name '" + name + "'", false);
        return name;
    }

    private static String path(String operation, String endpoint, Dice dice, RequestDraft draft) {
        String suffix = operation.equals("InvokeEndpoint") ? "invocations" : "invocations-response-stream";
        String encoded = java.net.URLEncoder.encode(endpoint, java.nio.charset.StandardCharsets.UTF_8);
        String path = "/endpoints/" + encoded + "/" + suffix;
        if (!dice.chance(0.1)) {
            return path;
        }
        return switch (dice.between(0, 5)) {
            case 0 -> {
                draft.mutated("a trailing slash", false);
                yield path + "/";
            }
            case 1 -> {
                // Hosts take a stage as API Gateway passes it; local mode's port serves the runtime on /endpoints only.
                draft.rerouted = true;
                draft.mutated("a stage before /endpoints", false);
                yield "/prod" + path;
            }
            case 2 -> {
                draft.mutated("an operation the runtime lacks", true);
                yield "/endpoints/" + encoded + "/" + suffix + "x";
            }
            case 3 -> {
                draft.mutated("no operation", true);
                yield "/endpoints/" + encoded;
            }
            case 4 -> {
                draft.mutated("a name not percent-encoded right", true);
                yield "/endpoints/" + dice.pick("%zz", "a%2Fb", "%00", "a%20b", "%C3%28") + "/" + suffix;
            }
            default -> {
                draft.mutated("a query string", false);
                yield path + "?fuzz=1&a=%2F";
            }
        };
    }

    private static byte[] body(Dice dice, RequestDraft draft) {
        int pick = dice.between(0, 99);
        if (pick < 80) {
            return BodyMutations.bytes("{\"inputs\": \"fuzz " + pick + "\"}");
        }
        if (pick < 88) {
            draft.mutated("an empty body", false);
            return new byte[0];
        }
        if (pick < 95) {
            byte[] bytes = new byte[dice.between(1, 4096)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) dice.between(0, 255);
            }
            draft.mutated("a binary body", false);
            return bytes;
        }
        int size = pick < 98 ? 1 << 20 : MAX_BODY + 1;
        draft.mutated("a body of " + size + " bytes", false);
        return new byte[size];
    }

    private void mutateHeader(RequestDraft draft, Shape.Structure input, Map<String, String> headers, Dice dice) {
        List<String> members = new ArrayList<>(headers.keySet());
        String member = dice.pick(members);
        String header = headers.get(member);
        Shape.Text shape = (Shape.Text) shapeOf(input, member);
        String value =
                switch (dice.between(0, 5)) {
                    case 0 -> "a".repeat((int) (shape.max() == null ? 2000 : shape.max() + 1));
                    case 1 -> "";
                    case 2 -> dice.pick("bad value!", "-", "a_b", "a b", "\t", "NEW_SESSION");
                    case 3 -> "x".repeat(dice.pick(16 << 10, 100_000));
                    case 4 -> new ValidValues(model, dice).text(shape);
                    default -> dice.pick(Fixture.COMPONENT, Fixture.MISSING, "*/*", "application/json");
                };
        if (dice.chance(0.2)) {
            draft.header(header, value);
            draft.mutated(header + " again, '" + clip(value) + "'", false);
            return;
        }
        draft.replaceHeader(header, value);
        draft.mutated(header + " '" + clip(value) + "'", false);
    }

    private Shape shapeOf(Shape.Structure input, String member) {
        return model.shape(input.members().get(member));
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + ")";
    }

    private static JsonNode read() {
        try (InputStream in = RuntimeRequests.class.getResourceAsStream(MODEL)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
