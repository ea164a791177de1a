package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {
    @Test
    void reads_max_new_tokens_from_parameters_or_the_top_level_and_estimates_the_prompt() {
        assertThat(parse("{\"parameters\":{\"max_new_tokens\":12}}"))
                .isEqualTo(new GenerationRequest("", OptionalInt.of(12), 0, false, false, false));
        assertThat(parse("{\"max_new_tokens\":5}").maxNewTokens()).hasValue(5);
        assertThat(parse("{\"inputs\":\"no count\"}"))
                .isEqualTo(new GenerationRequest("no count", OptionalInt.empty(), 2, false, false, false));
    }

    @Test
    void reads_tgi_s_stream_return_full_text_and_details() {
        assertThat(parse("{\"inputs\":\"Hi\",\"parameters\":{\"max_new_tokens\":3,\"return_full_text\":true,"
                        + "\"details\":true},\"stream\":true}"))
                .isEqualTo(new GenerationRequest("Hi", OptionalInt.of(3), 1, true, true, true));
        assertThat(parse("{\"inputs\":\"Hi\",\"stream\":false}").stream()).isFalse();
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
