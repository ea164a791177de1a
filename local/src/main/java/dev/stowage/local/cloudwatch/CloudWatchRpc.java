package dev.stowage.local.cloudwatch;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.stowage.wire.protocol.Operation;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import dev.stowage.wire.protocol.WireError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Smithy RPC v2 CBOR wire as the AWS SDK for Java 2.57 speaks it to CloudWatch: {@code POST
 * /service/GraniteServiceVersion20100801/operation/<Operation>} with {@code smithy-protocol: rpc-v2-cbor} and a CBOR
 * map body (timestamps are tag 1 epoch seconds, which read back as plain numbers; whole doubles may come as
 * integers). Responses carry the same header; timestamps go out as tag 1 doubles, placed by the output shape. Errors
 * are {@code {"__type": <shape>, "message": <text>}} with {@code x-amzn-query-error: <code>;Sender}, which the SDK
 * reads (CloudWatch is query-compatible) for {@code errorCode()}. Thread-safe.
 */
final class CloudWatchRpc implements CloudWatchWire {
    static final String PATH_PREFIX = "/service/GraniteServiceVersion20100801/operation/";
    static final String CONTENT_TYPE = "application/cbor";
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private final ServiceModel model;

    CloudWatchRpc(ServiceModel model) {
        this.model = model;
    }

    /** Whether the request is for CloudWatch over RPC v2 CBOR. */
    static boolean speaks(CloudWatchRequest request) {
        return request.path().startsWith(PATH_PREFIX);
    }

    /** The operation the path names ({@code UnknownOperationException} 404 for none) and its CBOR body. */
    @Override
    public Call read(CloudWatchRequest request) {
        String path = request.path();
        String name = path.substring(Math.min(path.length(), PATH_PREFIX.length()));
        Operation operation = model.operation(name).orElse(null);
        if (!"POST".equals(request.method())
                || !request.headers().first("smithy-protocol").orElse("").equals("rpc-v2-cbor")
                || operation == null) {
            throw new WireError(
                            "UnknownOperationException",
                            "No operation answers " + request.method() + " " + WireError.excerpt(path)
                                    + ": a call is POST " + PATH_PREFIX
                                    + "<Operation> with smithy-protocol: rpc-v2-cbor.",
                            404)
                    .exception();
        }
        return new Call(operation, decode(request.body()));
    }

    /** The request body as a tree ({@code {}} when empty; {@code SerializationException} when not a CBOR map). */
    static ObjectNode decode(byte[] bytes) {
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

    @Override
    public APIGatewayProxyResponseEvent success(
            @Nullable JsonNode output, Operation operation, CloudWatchRequest request) {
        if (output == null || operation.output() == null) {
            return response(200, new byte[0], Map.of());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator generator = (CBORGenerator) CBOR.getFactory().createGenerator(bytes)) {
            write(generator, output, model.shape(operation.output()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response(200, bytes.toByteArray(), Map.of());
    }

    @Override
    public APIGatewayProxyResponseEvent failure(WireError error, CloudWatchRequest request) {
        ObjectNode body = CBOR.createObjectNode()
                .put("__type", CloudWatchErrors.shapeOf(error.code()))
                .put("message", error.message());
        try {
            return response(error.status(), CBOR.writeValueAsBytes(body), CloudWatchErrors.queryErrorHeader(error));
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

    private void write(CBORGenerator out, JsonNode value, @Nullable Shape shape) throws IOException {
        if (shape instanceof Shape.Structure structure && value.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                out.writeFieldName(member.getKey());
                String memberShape = structure.members().get(member.getKey());
                write(out, member.getValue(), memberShape == null ? null : model.shape(memberShape));
            }
            out.writeEndObject();
        } else if (shape instanceof Shape.MapOf map && value.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                out.writeFieldName(entry.getKey());
                write(out, entry.getValue(), model.shape(map.value()));
            }
            out.writeEndObject();
        } else if (shape instanceof Shape.ListOf list && value.isArray()) {
            out.writeStartArray();
            for (JsonNode item : value) {
                write(out, item, model.shape(list.member()));
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
