package dev.stowage.wire.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        int dot = target.lastIndexOf('.');
        if (dot > 0) {
            service = byPrefix.get(target.substring(0, dot));
            if (service != null) {
                operation = service.operation(target.substring(dot + 1)).orElse(null);
            }
        }
        if (service == null || operation == null || !jsonContent(headers)) {
            throw unknownOperation().exception();
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
        ObjectNode body = JSON.createObjectNode().put("__type", error.code());
        if (error.message() != null) {
            body.put("message", error.message());
        }
        return encode(body);
    }

    /** The answer to a target that names no operation of a served service. */
    public static WireError unknownOperation() {
        return new WireError("UnknownOperationException", null, 400);
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
            throw WireError.serialization(null).exception();
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
