package dev.stowage.local.cloudwatch;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.stowage.functions.api.ApiGatewayEvents;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import dev.stowage.wire.protocol.WireError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Smithy RPC v2 CBOR wire as the AWS SDK for Java 2.57 speaks it to CloudWatch: {@code POST
 * /service/GraniteServiceVersion20100801/operation/<Operation>} with {@code smithy-protocol: rpc-v2-cbor} and a CBOR
 * map body (timestamps are tag 1 epoch seconds, which read back as plain numbers; whole doubles may come as
 * integers). Responses carry the same header; timestamps go out as tag 1 doubles, placed by the output shape. Errors
 * are {@code {"__type": <shape>, "message": <text>}} with {@code x-amzn-query-error: <code>;Sender}, which the SDK
 * reads (CloudWatch is query-compatible) for {@code errorCode()}. Thread-safe.
 */
final class CloudWatchRpc {
    static final String PATH_PREFIX = "/service/GraniteServiceVersion20100801/operation/";
    static final String CONTENT_TYPE = "application/cbor";
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private CloudWatchRpc() {}

    /** Whether the request is for CloudWatch. */
    static boolean serves(@Nullable String path) {
        return path != null && path.startsWith(PATH_PREFIX);
    }

    /** The operation the path names ({@code UnknownOperationException} 404 for none). */
    static String operation(APIGatewayProxyRequestEvent event) {
        String path = Objects.requireNonNullElse(event.getPath(), "");
        Headers headers = ApiGatewayEvents.headers(event);
        String name = path.substring(Math.min(path.length(), PATH_PREFIX.length()));
        if (!"POST".equals(event.getHttpMethod())
                || !headers.first("smithy-protocol").orElse("").equals("rpc-v2-cbor")
                || name.isEmpty()
                || name.contains("/")) {
            throw new WireError("UnknownOperationException", null, 404).exception();
        }
        return name;
    }

    /** The request body as a tree ({@code {}} when empty; {@code SerializationException} when not a CBOR map). */
    static ObjectNode decode(APIGatewayProxyRequestEvent event) {
        byte[] bytes = ApiGatewayEvents.body(event);
        if (bytes.length == 0) {
            return CBOR.createObjectNode();
        }
        try {
            JsonNode node = CBOR.readTree(bytes);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // answered below
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw WireError.serialization("The request body is not a CBOR map.").exception();
    }

    /** A 200 with {@code output} written as the operation's output shape ({@code null}: no output, empty body). */
    static APIGatewayProxyResponseEvent success(
            @Nullable JsonNode output, @Nullable String outputShape, ServiceModel model) {
        if (output == null || outputShape == null) {
            return response(200, new byte[0], Map.of());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator generator = (CBORGenerator) CBOR.getFactory().createGenerator(bytes)) {
            write(generator, output, model.shape(outputShape), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response(200, bytes.toByteArray(), Map.of());
    }

    /** The error as CloudWatch sends it over RPC v2 CBOR. */
    static APIGatewayProxyResponseEvent failure(WireError error) {
        ObjectNode body = CBOR.createObjectNode().put("__type", CloudWatchErrors.shapeOf(error.code()));
        if (error.message() != null) {
            body.put("message", error.message());
        }
        try {
            String fault = error.status() >= 500 ? "Receiver" : "Sender";
            return response(
                    error.status(),
                    CBOR.writeValueAsBytes(body),
                    Map.of("x-amzn-query-error", error.code() + ";" + fault));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static APIGatewayProxyResponseEvent response(int status, byte[] body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("smithy-protocol", "rpc-v2-cbor");
        if (body.length > 0) {
            headers.put("Content-Type", CONTENT_TYPE);
        }
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(body));
    }

    private static void write(CBORGenerator out, JsonNode value, @Nullable Shape shape, ServiceModel model)
            throws IOException {
        if (shape instanceof Shape.Structure structure && value.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                out.writeFieldName(member.getKey());
                String memberShape = structure.members().get(member.getKey());
                write(out, member.getValue(), memberShape == null ? null : model.shape(memberShape), model);
            }
            out.writeEndObject();
        } else if (shape instanceof Shape.MapOf map && value.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                out.writeFieldName(entry.getKey());
                write(out, entry.getValue(), model.shape(map.value()), model);
            }
            out.writeEndObject();
        } else if (shape instanceof Shape.ListOf list && value.isArray()) {
            out.writeStartArray();
            for (JsonNode item : value) {
                write(out, item, model.shape(list.member()), model);
            }
            out.writeEndArray();
        } else if (shape instanceof Shape.Timestamp && value.isNumber()) {
            out.writeTag(1);
            out.writeNumber(value.doubleValue());
        } else {
            CBOR.writeTree(out, value);
        }
    }
}
