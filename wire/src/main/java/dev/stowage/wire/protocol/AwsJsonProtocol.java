package dev.stowage.wire.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS JSON 1.1 wire of SageMaker ({@code X-Amz-Target: SageMaker.<Op>}) and Application Auto
 * Scaling ({@code AnyScaleFrontendService.<Op>}): {@code POST /}, {@code Content-Type:
 * application/x-amz-json-1.1}, errors as {@code {"__type":"<Code>","message":"<text>"}}.
 *
 * <p>Answers as Coral does: a missing or unknown target is {@code UnknownOperationException} (400); a
 * body that is not a JSON object is {@code SerializationException} (400). Thread-safe.
 */
public final class AwsJsonProtocol {

    /** The content type of requests and responses. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    /** The header naming the operation. */
    public static final String TARGET_HEADER = "X-Amz-Target";

    /** The header that repeats an error's code, as AWS sends it. */
    public static final String ERROR_TYPE_HEADER = "X-Amzn-ErrorType";

    /**
     * Numbers are read exactly (a fraction is never rounded to the whole number next to it, as {@code
     * 0.99999999999999999999} was to 1 as a double), and anything after the first value (a second object, a stray
     * brace) makes the body malformed, not ignored (issue 13).
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final Map<String, ServiceModel> byPrefix = new LinkedHashMap<>();

    /** A protocol serving these services, told apart by their target prefix. */
    public AwsJsonProtocol(List<ServiceModel> services) {
        services.forEach(service -> byPrefix.put(service.targetPrefix(), service));
    }

    /** SageMaker's and Application Auto Scaling's trimmed models, Stowage's own operations and its hosts'. */
    public static AwsJsonProtocol standard() {
        return new AwsJsonProtocol(List.of(
                ServiceModel.sageMaker(),
                ServiceModel.applicationAutoScaling(),
                ServiceModel.stowage(),
                ServiceModel.stowageHost()));
    }

    /**
     * Reads a request.
     *
     * @throws WireException {@code UnknownOperationException} or {@code SerializationException}
     */
    public JsonRequest parse(Headers headers, byte[] body) {
        Operation operation = null;
        ServiceModel service = null;
        String target = headers.first(TARGET_HEADER).orElse("");
        int dot = headers.all(TARGET_HEADER).size() == 1 ? target.lastIndexOf('.') : -1; // two targets name none
        if (dot > 0) {
            service = byPrefix.get(target.substring(0, dot));
            if (service != null) {
                operation = service.operation(target.substring(dot + 1)).orElse(null);
            }
        }
        if (service == null || operation == null || !jsonContent(headers)) {
            throw unknownOperation(target).exception();
        }
        return new JsonRequest(service, operation, object(body));
    }

    /** The service a target prefix belongs to, e.g. for choosing the SigV4 service name before parsing. */
    public Optional<ServiceModel> service(Headers headers) {
        String target = headers.first(TARGET_HEADER).orElse("");
        int dot = target.lastIndexOf('.');
        return dot > 0 ? Optional.ofNullable(byPrefix.get(target.substring(0, dot))) : Optional.empty();
    }

    /** A successful response body. */
    public static byte[] encode(JsonNode response) {
        try {
            return JSON.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error body: {@code {"__type":"<code>","message":"<text>"}}; send it with {@code error.status()}. */
    public static byte[] encodeError(WireError error) {
        return encode(JSON.createObjectNode().put("__type", error.code()).put("message", error.message()));
    }

    /** The answer to a target that names no operation of a served service (or a request that is not a call). */
    public static WireError unknownOperation(String target) {
        return new WireError(
                "UnknownOperationException",
                "No operation answers "
                        + (target.isEmpty()
                                ? "a request without X-Amz-Target"
                                : "X-Amz-Target '" + WireError.excerpt(target) + "'")
                        + " here: a call is POST / with a JSON content type and a target that names an operation.",
                400);
    }

    private static boolean jsonContent(Headers headers) {
        // Coral picks the protocol by content type; an unrecognised one finds no operation.
        String type = headers.first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String bare = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        return bare.equals(CONTENT_TYPE)
                || bare.equals("application/x-amz-json-1.0")
                || bare.equals("application/json");
    }

    private static ObjectNode object(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw WireError.serialization(
                            "The request body is not one JSON value: " + WireError.excerpt(e.getOriginalMessage()))
                    .exception();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw WireError.serialization(node.isArray() ? "Start of list found where not expected" : "Expected null")
                .exception();
    }
}
