package dev.stowage.local.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON as the fuzzer's oracle reads it: numbers exactly as written (a fraction stays a fraction, {@code 1e400} stays
 * larger than any double), anything after the first value is an error, an empty body or {@code null} is {@code {}}
 * (as AWS's JSON services take them). Writing keeps raw number tokens ({@code -0}, {@code 1e400}) as they are.
 */
final class ExactJson {
    static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final ObjectMapper WRITER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ExactJson() {}

    /** The body's value, empty when it is not JSON. */
    static Optional<JsonNode> read(byte[] body) {
        if (body.length == 0) {
            return Optional.of(NODES.objectNode());
        }
        try {
            JsonNode node = READER.readTree(body);
            return Optional.of(node == null || node.isNull() || node.isMissingNode() ? NODES.objectNode() : node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(JsonNode tree) {
        try {
            return WRITER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
