package dev.stowage.wire.hostapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DescribeHostKeys}' output: {@code {"Keys": [{"KeyId": …, "Secret": …}, …], "FrontTokens": […]}}, current
 * key first.
 */
public final class HostKeysJson {
    private HostKeysJson() {}

    public static ObjectNode encode(HostKeys keys) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("Keys");
        keys.keys().forEach(key -> list.addObject().put("KeyId", key.keyId()).put("Secret", key.secret()));
        ArrayNode tokens = out.putArray("FrontTokens");
        keys.frontTokens().forEach(tokens::add);
        return out;
    }

    public static HostKeys decode(JsonNode output) {
        List<HostKey> keys = new ArrayList<>();
        output.path("Keys")
                .forEach(key -> keys.add(new HostKey(
                        key.path("KeyId").asText(), key.path("Secret").asText())));
        List<String> tokens = new ArrayList<>();
        output.path("FrontTokens").forEach(token -> tokens.add(token.asText()));
        return new HostKeys(keys, tokens);
    }
}
