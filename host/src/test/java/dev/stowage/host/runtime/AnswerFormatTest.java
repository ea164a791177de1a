package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerFormatTest {
    @Test
    void no_accept_or_any_takes_the_first_offer() {
        assertThat(AnswerFormat.negotiate(null, AnswerFormat.WHOLE)).contains(AnswerFormat.JSON);
        assertThat(AnswerFormat.negotiate(" ", AnswerFormat.WHOLE)).contains(AnswerFormat.JSON);
        assertThat(AnswerFormat.negotiate("*/*", AnswerFormat.WHOLE)).contains(AnswerFormat.JSON);
        assertThat(AnswerFormat.negotiate("*/*", AnswerFormat.STREAMED)).contains(AnswerFormat.EVENT_STREAM);
    }

    @Test
    void takes_the_type_asked_for_with_its_parameters_and_in_any_case() {
        assertThat(AnswerFormat.negotiate("application/json", AnswerFormat.WHOLE))
                .contains(AnswerFormat.JSON);
        assertThat(AnswerFormat.negotiate("Text/Plain; charset=utf-8", AnswerFormat.WHOLE))
                .contains(AnswerFormat.TEXT);
        assertThat(AnswerFormat.negotiate("text/*", AnswerFormat.WHOLE)).contains(AnswerFormat.TEXT);
        assertThat(AnswerFormat.negotiate("application/jsonlines", AnswerFormat.STREAMED))
                .contains(AnswerFormat.JSON_LINES);
    }

    @Test
    void honours_q_values_and_prefers_the_first_offer_among_equals() {
        assertThat(AnswerFormat.negotiate("application/json;q=0.5, text/plain", AnswerFormat.WHOLE))
                .contains(AnswerFormat.TEXT);
        assertThat(AnswerFormat.negotiate("text/plain, application/json", AnswerFormat.WHOLE))
                .contains(AnswerFormat.JSON);
        assertThat(AnswerFormat.negotiate("*/*;q=0.1, text/plain;q=0", AnswerFormat.WHOLE))
                .contains(AnswerFormat.JSON);
        assertThat(AnswerFormat.negotiate("text/plain;q=0, */*", AnswerFormat.WHOLE))
                .contains(AnswerFormat.JSON);
    }

    @Test
    void refuses_what_it_cannot_produce() {
        assertThat(AnswerFormat.negotiate("image/png", AnswerFormat.WHOLE)).isEmpty();
        assertThat(AnswerFormat.negotiate("application/json;q=0", AnswerFormat.WHOLE))
                .isEmpty();
        assertThat(AnswerFormat.negotiate("text/event-stream", AnswerFormat.WHOLE))
                .isEmpty();
        assertThat(AnswerFormat.negotiate("application/json", AnswerFormat.STREAMED))
                .isEmpty();
        assertThat(AnswerFormat.negotiate("application/json;q=x", AnswerFormat.WHOLE))
                .isEmpty();
    }
}
