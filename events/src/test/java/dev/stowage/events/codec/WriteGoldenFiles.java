package dev.stowage.events.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Writes a golden file for every expected event that has none yet: {@code -Dstowage.golden.write=true}. */
class WriteGoldenFiles {

    @Test
    @EnabledIfSystemProperty(named = "stowage.golden.write", matches = "true")
    void write_missing_golden_files() throws Exception {
        EventCodec codec = new EventCodec();
        ObjectMapper json = new ObjectMapper();
        for (var entry : GoldenEvents.EXPECTED.entrySet()) {
            Path file = Path.of("src/test/resources/golden/" + entry.getKey() + ".json");
            if (Files.exists(file)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            String data = codec.encode(entry.getValue()).data();
            Files.writeString(
                    file, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(data)) + "\n");
        }
    }
}
