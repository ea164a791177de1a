package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.routing.PromptBlocks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {
    @Test
    void reads_max_new_tokens_from_parameters_or_the_top_level_and_estimates_the_prompt() {
        assertThat(parse("{\"parameters\":{\"max_new_tokens\":12}}"))
                .isEqualTo(new GenerationRequest("", OptionalInt.of(12), 0, false, false, false, List.of()));
        assertThat(parse("{\"max_new_tokens\":5}").maxNewTokens()).hasValue(5);
        assertThat(parse("{\"inputs\":\"no count\"}"))
                .isEqualTo(new GenerationRequest("no count", OptionalInt.empty(), 2, false, false, false, List.of()));
    }

    @Test
    void reads_tgi_s_stream_return_full_text_and_details() {
        assertThat(parse("{\"inputs\":\"Hi\",\"parameters\":{\"max_new_tokens\":3,\"return_full_text\":true,"
                        + "\"details\":true},\"stream\":true}"))
                .isEqualTo(new GenerationRequest("Hi", OptionalInt.of(3), 1, true, true, true, List.of()));
        assertThat(parse("{\"inputs\":\"Hi\",\"stream\":false}").stream()).isFalse();
    }

    @Test
    void prefix_blocks_are_the_requests_hash_ids_else_those_of_its_text() {
        GenerationRequest traced = parse("{\"inputs\":\"x\",\"hash_ids\":[0,7,9],\"input_length\":1300}");
        assertThat(traced.prefixBlocks()).containsExactly(0, 7, 9);
        assertThat(traced.promptTokens()).isEqualTo(1_300);
        String prompt = "p".repeat(5_000);
        GenerationRequest text = parse("{\"inputs\":\"" + prompt + "\"}");
        assertThat(text.prefixBlocks())
                .containsExactly(PromptBlocks.ofText(prompt))
                .hasSize(3);
        assertThat(text.promptTokens()).isEqualTo(1_250);
        assertThat(parse("{\"inputs\":\"x\",\"hash_ids\":[1,\"a\"]}").hashIds()).isEmpty();
    }

    @Test
    void a_body_that_is_not_a_json_object_asks_for_nothing_in_particular() {
        assertThat(parse("not json")).isEqualTo(GenerationRequest.ANYTHING);
        assertThat(parse("[1]")).isEqualTo(GenerationRequest.ANYTHING);
        assertThat(parse("")).isEqualTo(GenerationRequest.ANYTHING);
    }

    private static GenerationRequest parse(String body) {
        return GenerationRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
