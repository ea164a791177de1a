package dev.stowage.host.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.routing.PrefixKey;
import dev.stowage.domain.routing.PromptBlocks;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptPrefixTest {
    private static final String SYSTEM = "You are a helpful travel assistant. ".repeat(60); // > one block

    private static Optional<PrefixKey> key(String body) {
        return PromptPrefix.key(body.getBytes(StandardCharsets.UTF_8), 2);
    }

    @Test
    void hash_ids_give_the_key_as_the_mooncake_trace_does() {
        assertThat(key("{\"hash_ids\":[0,41,42],\"input_length\":1400}"))
                .isEqualTo(PrefixKey.of(new long[] {0, 41, 42}, 2))
                .isEqualTo(key("{\"hash_ids\":[0,41,77,78]}"))
                .isNotEqualTo(key("{\"hash_ids\":[0,40,42]}"));
    }

    @Test
    void without_hash_ids_the_prompt_text_is_cut_into_blocks_as_llm_sim_cuts_it() {
        String turn1 = SYSTEM + "User: where should I go in May? " + "x".repeat(2_100);
        String turn2 = turn1 + " Assistant: Lisbon. User: and in June?";
        assertThat(key("{\"inputs\":\"" + turn1 + "\"}"))
                .isEqualTo(PrefixKey.of(PromptBlocks.ofText(turn1), 2))
                .isEqualTo(key("{\"inputs\":\"" + turn2 + "\"}"));
        assertThat(key("{\"prompt\":\"" + turn1 + "\"}")).isEqualTo(key("{\"inputs\":\"" + turn1 + "\"}"));
        assertThat(key("{\"messages\":[{\"role\":\"system\",\"content\":\"" + SYSTEM + "\"},"
                        + "{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .isPresent();
    }

    @Test
    void a_body_with_no_prompt_has_no_key() {
        assertThat(key("")).isEmpty();
        assertThat(key("not json")).isEmpty();
        assertThat(key("[1,2]")).isEmpty();
        assertThat(key("{\"parameters\":{}}")).isEmpty();
        assertThat(key("{\"hash_ids\":[1,\"x\"]}")).isEmpty();
    }
}
