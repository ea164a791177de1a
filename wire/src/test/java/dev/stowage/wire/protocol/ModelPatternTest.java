package dev.stowage.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ModelPatternTest {

    private static final Path REFERENCE = Path.of("../../shared/reference/aws-models");

    @Test
    void everyPatternReachableFromTheServedOperationsCompilesInJava() {
        for (ServiceModel model : List.of(ServiceModel.sageMaker(), ServiceModel.applicationAutoScaling())) {
            for (Shape shape : model.shapes().values()) {
                if (shape instanceof Shape.Text text && text.pattern() != null) {
                    assertThatCode(() -> ModelPattern.of(text.pattern()))
                            .as(text.name())
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void everyPatternOfTheFullReferenceModelsCompilesInJava() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REFERENCE), "reference models not checked out beside the repo");
        List<String> patterns = new ArrayList<>();
        try (var files = Files.list(REFERENCE)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith("service-2.json")).toList()) {
                JsonNode shapes = new ObjectMapper().readTree(file.toFile()).path("shapes");
                shapes.forEach(shape -> {
                    if (shape.has("pattern")) {
                        patterns.add(shape.get("pattern").asText());
                    }
                });
            }
        }
        assertThat(patterns).hasSizeGreaterThan(100);
        patterns.forEach(p -> assertThatCode(() -> ModelPattern.of(p)).as(p).doesNotThrowAnyException());
    }

    @Test
    void aValueTooLongForTheRegexEngineDoesNotMatchInsteadOfOverflowingTheStack() {
        // Issue 13: a 100 KB X-Amzn-SageMaker-Target-Variant answered 502 with a StackOverflowError.
        ModelPattern variant = ModelPattern.of("^[a-zA-Z0-9](-*[a-zA-Z0-9])*");
        assertThat(variant.matches("a".repeat(2_000_000))).isFalse();
        assertThat(variant.matches("a-b")).isTrue();
    }

    @Test
    void matchesTheWholeValue() {
        ModelPattern name = ModelPattern.of("[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?");
        assertThat(name.matches("my-ic")).isTrue();
        assertThat(name.matches("my_ic")).isFalse();
        assertThat(name.matches("ok-")).isFalse();
    }

    @Test
    void readsSurrogatePairRangesAsCodePoints() {
        ModelPattern xmlText =
                ModelPattern.of("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*");
        assertThat(xmlText.matches("inference-component/ic \uD83D\uDE80")).isTrue();
        assertThat(xmlText.matches("bell\u0007")).isFalse();
    }

    @Test
    void keepsJavaMeaningsOfJavaOnlyClasses() {
        assertThat(ModelPattern.of("\\p{Print}+").matches("plain ascii")).isTrue();
        assertThat(ModelPattern.of("\\p{Print}+").matches("caf\u00e9")).isFalse();
        assertThat(ModelPattern.of("(?!\\s*$).+").matches("   ")).isFalse();
        assertThat(ModelPattern.of("(?!\\s*$).+").matches(" x ")).isTrue();
    }

    @Test
    void displaysPatternsAnchoredOrAsModeled() {
        ModelPattern name = ModelPattern.of("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
        assertThat(name.display(true)).isEqualTo("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$");
        assertThat(name.display(false)).isEqualTo("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
        assertThat(ModelPattern.of("^a+$").display(true)).isEqualTo("^a+$");
    }
}
