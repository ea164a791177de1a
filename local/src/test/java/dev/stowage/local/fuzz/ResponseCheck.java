package dev.stowage.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What is wrong with an answer, if anything: no answer; a 5xx; a request that must be refused and was not; an error
 * that is not a well-formed AWS error of its protocol (JSON with {@code __type}, a message and {@code
 * X-Amzn-ErrorType}; CBOR with {@code __type} and a message; the query protocol's XML {@code ErrorResponse}); a JSON
 * success that is not a JSON object.
 */
final class ResponseCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final Map<Wire, String> MEDIA_TYPES = Map.of(
            Wire.JSON_1_1, "application/x-amz-json-1.1",
            Wire.JSON_1_0, "application/x-amz-json-1.0",
            Wire.CBOR, "application/cbor",
            Wire.QUERY, "text/xml",
            Wire.RUNTIME, "application/json");

    private ResponseCheck() {}

    static Optional<String> problem(FuzzRequest request, Reply reply) {
        if (reply.failure() != null) {
            return request.body().length > TransportMutations.MAX_BODY
                    ? Optional.empty() // the server may stop reading and close before the client sees its 413
                    : Optional.of("no answer: " + reply.failure());
        }
        int status = reply.status();
        if (status >= 500) {
            return Optional.of("server error " + status + ": " + text(reply.body()));
        }
        if (request.rejected() && status < 400) {
            return Optional.of("accepted (" + status + ") a request that must be refused: " + text(reply.body()));
        }
        if (request.wire() == Wire.CONSOLE) {
            return Optional.empty();
        }
        if (status >= 400) {
            return error(request, reply);
        }
        return success(request, reply);
    }

    private static Optional<String> error(FuzzRequest request, Reply reply) {
        String type = reply.mediaType();
        String expected = MEDIA_TYPES.get(request.wire());
        // The runtime is REST JSON: its errors are JSON whatever the media type (the signature check answers as the
        // JSON APIs do, as API Gateway's IAM authorization would on AWS).
        boolean runtimeJson = request.wire() == Wire.RUNTIME && type.startsWith("application/x-amz-json-");
        if (!request.rerouted() && !type.equals(expected) && !runtimeJson) {
            return Optional.of("a " + request.wire() + " error as '" + type + "' rather than " + expected + ": "
                    + text(reply.body()));
        }
        if (request.method().equalsIgnoreCase("HEAD")) {
            return reply.header("X-Amzn-ErrorType").isPresent()
                            || reply.header("x-amzn-query-error").isPresent()
                    ? Optional.empty()
                    : Optional.of("a HEAD error without X-Amzn-ErrorType");
        }
        return switch (type) {
            case "application/x-amz-json-1.1", "application/x-amz-json-1.0", "application/json" -> json(reply);
            case "application/cbor" -> cbor(reply);
            case "text/xml" -> xml(reply);
            default -> Optional.of("an error as '" + type + "': " + text(reply.body()));
        };
    }

    private static Optional<String> json(Reply reply) {
        JsonNode body;
        try {
            body = JSON.readTree(reply.body());
        } catch (IOException e) {
            return Optional.of("a JSON error that is not JSON: " + text(reply.body()));
        }
        Optional<String> fields = typeAndMessage(body);
        if (fields.isPresent()) {
            return fields;
        }
        return reply.header("X-Amzn-ErrorType").isEmpty()
                ? Optional.of("a JSON error without X-Amzn-ErrorType: " + text(reply.body()))
                : Optional.empty();
    }

    private static Optional<String> cbor(Reply reply) {
        try {
            Optional<String> fields = typeAndMessage(CBOR.readTree(reply.body()));
            if (fields.isPresent()) {
                return fields;
            }
        } catch (IOException e) {
            return Optional.of("a CBOR error that is not CBOR");
        }
        return reply.header("smithy-protocol").orElse("").equals("rpc-v2-cbor")
                ? Optional.empty()
                : Optional.of("a CBOR error without smithy-protocol: rpc-v2-cbor");
    }

    private static Optional<String> typeAndMessage(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Optional.of("an error body that is not an object: " + body);
        }
        if (!body.path("__type").isTextual() || body.path("__type").asText().isBlank()) {
            return Optional.of("an error without __type: " + body);
        }
        JsonNode message = body.has("message") ? body.get("message") : body.path("Message");
        return message.isTextual() && !message.asText().isBlank()
                ? Optional.empty()
                : Optional.of("an error without a message: " + body);
    }

    private static Optional<String> xml(Reply reply) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(reply.body()));
            Element root = document.getDocumentElement();
            String code = document.getElementsByTagName("Code").getLength() > 0
                    ? document.getElementsByTagName("Code").item(0).getTextContent()
                    : "";
            String message = document.getElementsByTagName("Message").getLength() > 0
                    ? document.getElementsByTagName("Message").item(0).getTextContent()
                    : "";
            if (!root.getTagName().equals("ErrorResponse") || code.isBlank() || message.isBlank()) {
                return Optional.of(
                        "an XML error that is not an ErrorResponse with a Code and a Message: " + text(reply.body()));
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("an XML error that does not parse (" + e.getMessage() + "): " + text(reply.body()));
        }
    }

    private static Optional<String> success(FuzzRequest request, Reply reply) {
        // A runtime success is the model's answer, in whatever type it was asked for.
        boolean json = reply.mediaType().startsWith("application/x-amz-json-") && request.wire() != Wire.RUNTIME;
        if (!json || reply.body().length == 0 || request.method().equalsIgnoreCase("HEAD")) {
            return Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(reply.body());
            return body != null && body.isObject()
                    ? Optional.empty()
                    : Optional.of("a JSON answer that is not an object: " + text(reply.body()));
        } catch (IOException e) {
            return Optional.of("a JSON answer that is not JSON: " + text(reply.body()));
        }
    }

    private static String text(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
