package dev.stowage.wire.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A botocore service model (the trimmed copies in {@code service-models/}): its metadata, operations
 * and shapes. Immutable and safe to share between threads; load each model once per process.
 */
public final class ServiceModel {

    /** Classpath resource of the trimmed SageMaker model. */
    public static final String SAGEMAKER = "/service-models/sagemaker.json";

    /** Classpath resource of the trimmed Application Auto Scaling model. */
    public static final String APPLICATION_AUTOSCALING = "/service-models/application-autoscaling.json";
    /** Stowage's own operations (explain APIs, the instance-type catalog), in the same botocore format. */
    public static final String STOWAGE = "/service-models/stowage.json";

    /** What inference hosts call on {@code POST /host} (target prefix {@code StowageHost}, signing name {@code execute-api}). */
    public static final String STOWAGE_HOST = "/service-models/stowage-host.json";

    private final String serviceId;
    private final String targetPrefix;
    private final String signingName;
    private final Map<String, Operation> operations;
    private final Map<String, Shape> shapes;

    private ServiceModel(
            String serviceId,
            String targetPrefix,
            String signingName,
            Map<String, Operation> operations,
            Map<String, Shape> shapes) {
        this.serviceId = serviceId;
        this.targetPrefix = targetPrefix;
        this.signingName = signingName;
        this.operations = Collections.unmodifiableMap(operations);
        this.shapes = Collections.unmodifiableMap(shapes);
    }

    /** The trimmed SageMaker model. */
    public static ServiceModel sageMaker() {
        return load(SAGEMAKER);
    }

    /** The trimmed Application Auto Scaling model. */
    public static ServiceModel stowage() {
        return load(STOWAGE);
    }

    /** The hosts' operations: registering, reporting copies, reading assignments and routing. */
    public static ServiceModel stowageHost() {
        return load(STOWAGE_HOST);
    }

    public static ServiceModel applicationAutoScaling() {
        return load(APPLICATION_AUTOSCALING);
    }

    /** Loads a model from a classpath resource. */
    public static ServiceModel load(String resource) {
        try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no service model at " + resource);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a model from the JSON of a botocore service model. */
    public static ServiceModel parse(JsonNode model) {
        JsonNode metadata = model.path("metadata");
        Map<String, Operation> operations = new LinkedHashMap<>();
        model.path("operations")
                .properties()
                .forEach(op -> operations.put(op.getKey(), operation(op.getKey(), op.getValue())));
        Map<String, Shape> shapes = new LinkedHashMap<>();
        model.path("shapes")
                .properties()
                .forEach(shape -> shapes.put(shape.getKey(), shape(shape.getKey(), shape.getValue())));
        return new ServiceModel(
                metadata.path("serviceId").asText(),
                metadata.path("targetPrefix").asText(),
                metadata.path("signingName")
                        .asText(metadata.path("endpointPrefix").asText()),
                operations,
                shapes);
    }

    /** The model's {@code serviceId}, e.g. {@code SageMaker}, {@code Application Auto Scaling}. */
    public String serviceId() {
        return serviceId;
    }

    /** The {@code X-Amz-Target} prefix, e.g. {@code SageMaker}, {@code AnyScaleFrontendService}. */
    public String targetPrefix() {
        return targetPrefix;
    }

    /** The SigV4 signing name, e.g. {@code sagemaker}, {@code application-autoscaling}. */
    public String signingName() {
        return signingName;
    }

    /** The operation of that name, if the model has it. */
    public Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** All operations, in model order. */
    public Map<String, Operation> operations() {
        return operations;
    }

    /**
     * The shape of that name.
     *
     * @throws IllegalArgumentException when the model has no such shape
     */
    public Shape shape(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("no shape " + name + " in " + serviceId);
        }
        return shape;
    }

    /**
     * This model with {@code values} added to the enum of the string shape {@code shapeName}: how Stowage accepts a
     * value of its own (an extension, named {@code STOWAGE_…} so that it cannot collide with one the service adds)
     * where the service's model has an enum, with the same validation and error text for anything else.
     *
     * @throws IllegalArgumentException when the shape is not a string enum
     */
    public ServiceModel withEnumValues(String shapeName, List<String> values) {
        if (!(shape(shapeName) instanceof Shape.Text text) || text.enumValues().isEmpty()) {
            throw new IllegalArgumentException(shapeName + " is not a string enum");
        }
        List<String> extended = new ArrayList<>(text.enumValues());
        values.stream().filter(v -> !extended.contains(v)).forEach(extended::add);
        Map<String, Shape> copy = new LinkedHashMap<>(shapes);
        copy.put(shapeName, new Shape.Text(text.name(), text.min(), text.max(), text.pattern(), List.copyOf(extended)));
        return new ServiceModel(serviceId, targetPrefix, signingName, operations, copy);
    }

    /** All shapes, in model order. */
    public Map<String, Shape> shapes() {
        return shapes;
    }

    private static Operation operation(String name, JsonNode op) {
        List<String> errors = new ArrayList<>();
        op.path("errors").forEach(error -> errors.add(error.path("shape").asText()));
        return new Operation(name, shapeRef(op.get("input")), shapeRef(op.get("output")), List.copyOf(errors));
    }

    private static @Nullable String shapeRef(@Nullable JsonNode ref) {
        return ref == null ? null : ref.path("shape").asText();
    }

    private static Shape shape(String name, JsonNode shape) {
        String type = shape.path("type").asText();
        return switch (type) {
            case "structure" -> structure(name, shape);
            case "list" ->
                new Shape.ListOf(
                        name, shape.path("member").path("shape").asText(), bound(shape, "min"), bound(shape, "max"));
            case "map" ->
                new Shape.MapOf(
                        name,
                        shape.path("key").path("shape").asText(),
                        shape.path("value").path("shape").asText(),
                        bound(shape, "min"),
                        bound(shape, "max"));
            case "string" ->
                new Shape.Text(
                        name, bound(shape, "min"), bound(shape, "max"), text(shape, "pattern"), enumValues(shape));
            case "integer" -> numeric(name, Shape.NumberKind.INTEGER, shape);
            case "long" -> numeric(name, Shape.NumberKind.LONG, shape);
            case "float" -> numeric(name, Shape.NumberKind.FLOAT, shape);
            case "double" -> numeric(name, Shape.NumberKind.DOUBLE, shape);
            case "boolean" -> new Shape.Bool(name);
            case "timestamp" -> new Shape.Timestamp(name);
            case "blob" -> new Shape.Blob(name, bound(shape, "min"), bound(shape, "max"));
            default -> throw new IllegalArgumentException("unsupported shape type " + type + " of " + name);
        };
    }

    private static Shape.Structure structure(String name, JsonNode shape) {
        SequencedMap<String, String> members = new LinkedHashMap<>();
        shape.path("members")
                .properties()
                .forEach(m -> members.put(m.getKey(), m.getValue().path("shape").asText()));
        Set<String> required = new LinkedHashSet<>();
        shape.path("required").forEach(r -> required.add(r.asText()));
        return new Shape.Structure(
                name, Collections.unmodifiableSequencedMap(members), Collections.unmodifiableSet(required));
    }

    private static Shape.Numeric numeric(String name, Shape.NumberKind kind, JsonNode shape) {
        return new Shape.Numeric(name, kind, decimal(shape, "min"), decimal(shape, "max"));
    }

    private static @Nullable Long bound(JsonNode shape, String field) {
        JsonNode value = shape.get(field);
        return value == null ? null : value.asLong();
    }

    private static @Nullable BigDecimal decimal(JsonNode shape, String field) {
        JsonNode value = shape.get(field);
        return value == null ? null : value.decimalValue();
    }

    private static @Nullable String text(JsonNode shape, String field) {
        JsonNode value = shape.get(field);
        return value == null ? null : value.asText();
    }

    private static List<String> enumValues(JsonNode shape) {
        List<String> values = new ArrayList<>();
        shape.path("enum").forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }
}
