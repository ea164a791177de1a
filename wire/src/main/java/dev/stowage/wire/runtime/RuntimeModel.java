package dev.stowage.wire.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.wire.protocol.RequestValidator;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * What the runtime's service model says about the wire: which input and output members travel in
 * which HTTP header ({@code locationName}), the constraints of each member, the body limit and the HTTP
 * status of each modeled error. Loaded once from {@value #RESOURCE}; immutable and thread-safe.
 */
final class RuntimeModel {

    /** Classpath resource of the trimmed SageMaker runtime model. */
    static final String RESOURCE = "/service-models/sagemaker-runtime.json";

    private static final RuntimeModel INSTANCE = load();

    private final ServiceModel service;
    private final RequestValidator validator;
    private final Map<RuntimeOperation, SequencedMap<String, String>> requestHeaders;
    private final Map<RuntimeOperation, SequencedMap<String, String>> responseHeaders;
    private final Map<String, Integer> errorStatus;
    private final long maxBodyBytes;

    private RuntimeModel(JsonNode json) {
        this.service = ServiceModel.parse(json);
        // The runtime prints patterns as modeled (some anchored, some not), unlike SageMaker's control plane.
        this.validator = new RequestValidator(service, false);
        this.requestHeaders = new EnumMap<>(RuntimeOperation.class);
        this.responseHeaders = new EnumMap<>(RuntimeOperation.class);
        for (RuntimeOperation operation : RuntimeOperation.values()) {
            JsonNode op = json.path("operations").path(operation.operationName());
            JsonNode shapes = json.path("shapes");
            requestHeaders.put(
                    operation,
                    headers(shapes.path(op.path("input").path("shape").asText())));
            responseHeaders.put(
                    operation,
                    headers(shapes.path(op.path("output").path("shape").asText())));
        }
        Map<String, Integer> status = new HashMap<>();
        json.path("shapes").properties().forEach(shape -> {
            JsonNode code = shape.getValue().path("error").path("httpStatusCode");
            if (code.isInt()) {
                status.put(shape.getKey(), code.asInt());
            }
        });
        this.errorStatus = Collections.unmodifiableMap(status);
        Shape body = service.shape("BodyBlob");
        this.maxBodyBytes = body instanceof Shape.Blob blob && blob.max() != null ? blob.max() : Long.MAX_VALUE;
    }

    /** The model, loaded once per process. */
    static RuntimeModel get() {
        return INSTANCE;
    }

    /** The parsed service model. */
    ServiceModel service() {
        return service;
    }

    /** The validator of the model's constraints, with the runtime's wording. */
    RequestValidator validator() {
        return validator;
    }

    /** Input member name → header name, for every header-bound input member, in model order. */
    SequencedMap<String, String> requestHeaders(RuntimeOperation operation) {
        return requestHeaders.get(operation);
    }

    /** Output member name → header name, for every header-bound output member, in model order. */
    SequencedMap<String, String> responseHeaders(RuntimeOperation operation) {
        return responseHeaders.get(operation);
    }

    /** The HTTP status the model gives an error shape, e.g. 424 for {@code ModelError}. */
    int errorStatus(String code) {
        Integer status = errorStatus.get(code);
        if (status == null) {
            throw new IllegalArgumentException("no HTTP status for error " + code + " in the runtime model");
        }
        return status;
    }

    /** The largest request body, in bytes ({@code BodyBlob}'s max: 6 MiB). */
    long maxBodyBytes() {
        return maxBodyBytes;
    }

    private static SequencedMap<String, String> headers(JsonNode structure) {
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        structure.path("members").properties().forEach(member -> {
            if (member.getValue().path("location").asText().equals("header")) {
                headers.put(
                        member.getKey(), member.getValue().path("locationName").asText());
            }
        });
        return Collections.unmodifiableSequencedMap(headers);
    }

    private static RuntimeModel load() {
        try (InputStream in = RuntimeModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no service model at " + RESOURCE);
            }
            return new RuntimeModel(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
