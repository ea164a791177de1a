package dev.stowage.domain.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A fleet state as snapshot bytes: gzipped JSON. The format may change with the code: a snapshot that no
 * longer reads is ignored and the stream folded from the start, so no upcasting is needed.
 */
final class FleetSnapshots {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private FleetSnapshots() {}

    static byte[] encode(FleetState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            JSON.writeValue(zip, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static FleetState decode(byte[] snapshot) throws IOException {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(snapshot))) {
            return JSON.readValue(zip, FleetState.class);
        }
    }
}
