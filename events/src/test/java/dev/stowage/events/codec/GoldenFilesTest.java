package dev.stowage.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every stored version of every type has a golden file that decodes to its expected record. */
class GoldenFilesTest {
    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventCodec codec = new EventCodec();

    @TestFactory
    Stream<DynamicTest> every_golden_file_decodes_to_its_expected_record() throws IOException {
        return goldenFiles().stream()
                .map(file -> DynamicTest.dynamicTest(relative(file), () -> {
                    String type = file.getParent().getFileName().toString();
                    int version = version(file);
                    assertThat(GoldenEvents.EXPECTED).containsKey(GoldenEvents.key(type, version));

                    assertThat(codec.decode(type, version, Files.readString(file)))
                            .isEqualTo(GoldenEvents.EXPECTED.get(GoldenEvents.key(type, version)));
                }));
    }

    @TestFactory
    Stream<DynamicTest> encoding_the_current_version_gives_the_golden_json() {
        return EventTypes.ALL.stream()
                .map(type -> DynamicTest.dynamicTest(type.name(), () -> {
                    Path golden = golden(type.name(), type.version());
                    assertThat(golden)
                            .as("golden file for the current version of %s", type.name())
                            .exists();

                    EventCodec.Encoded encoded = codec.encode(Objects.requireNonNull(
                            GoldenEvents.EXPECTED.get(GoldenEvents.key(type.name(), type.version()))));

                    assertThat(encoded.type()).isEqualTo(type.name());
                    assertThat(encoded.schemaVersion()).isEqualTo(type.version());
                    assertThat(JSON.readTree(encoded.data())).isEqualTo(JSON.readTree(Files.readString(golden)));
                }));
    }

    @Test
    void every_stored_version_has_a_golden_file_and_nothing_else_does() throws IOException {
        List<String> expected = EventTypes.ALL.stream()
                .flatMap(type -> Stream.iterate(1, v -> v <= type.version(), v -> v + 1)
                        .map(v -> GoldenEvents.key(type.name(), v)))
                .sorted()
                .toList();

        List<String> present = goldenFiles().stream()
                .map(file -> GoldenEvents.key(file.getParent().getFileName().toString(), version(file)))
                .sorted()
                .toList();

        assertThat(present).isEqualTo(expected);
        assertThat(GoldenEvents.EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<Path> goldenFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Path golden(String type, int version) {
        return root().resolve(type).resolve("v" + version + ".json");
    }

    private static int version(Path file) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        assertThat(matcher.matches()).as("golden file name %s", file).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String relative(Path file) {
        return root().relativize(file).toString();
    }

    private static Path root() {
        try {
            return Path.of(Objects.requireNonNull(GoldenFilesTest.class.getResource("/golden"))
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
