package dev.stowage.host.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.wire.hostapi.HostKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
    private static final long EXPIRES = 1_800_000_000L;
    private static final String CONTAINER_ID = "0b8f6d7e-2c1a-4e5b-9f3d-7a6c5b4e3d2c";
    private static final SessionTokens.Pin PIN = new SessionTokens.Pin("ep", "ic", "ic-c1", EXPIRES, CONTAINER_ID);
    private static final SessionTokens TOKENS = new SessionTokens(KeySource.fixed(TestKeys.KEYS));

    private static String issued() {
        return TOKENS.issue(PIN).orElseThrow();
    }

    @Test
    void a_token_carries_its_copy_expiry_and_container_id_in_the_services_session_id_shape() {
        String token = issued();

        assertThat(token).matches("^[a-zA-Z0-9](-*[a-zA-Z0-9])*$").hasSizeLessThanOrEqualTo(256);
        assertThat(TOKENS.verify("ep", "ic", token)).contains(PIN);
    }

    @Test
    void a_token_signed_with_the_previous_key_still_verifies_after_a_rotation() {
        String token = issued();
        var rotated = new SessionTokens(
                KeySource.fixed(new HostKeys(List.of(TestKeys.OTHER_DEPLOYMENT, TestKeys.CURRENT), List.of())));

        assertThat(rotated.verify("ep", "ic", token)).contains(PIN);
    }

    @Test
    void another_deployments_token_is_refused() {
        var other = new SessionTokens(KeySource.fixed(new HostKeys(List.of(TestKeys.OTHER_DEPLOYMENT), List.of())));

        assertThat(TOKENS.verify("ep", "ic", other.issue(PIN).orElseThrow())).isEmpty();
    }

    @Test
    void a_token_pointed_at_another_copy_or_stretched_in_time_is_refused() {
        String token = issued();

        assertThat(TOKENS.verify("ep", "ic", token.replace("-5-ic-c1-", "-5-ic-c2-")))
                .isEmpty();
        assertThat(TOKENS.verify("ep", "ic", token.replace("-" + EXPIRES + "-", "-" + (EXPIRES + 3600) + "-")))
                .isEmpty();
        assertThat(TOKENS.verify("ep", "ic", token.replace(CONTAINER_ID, "another-session")))
                .isEmpty();
    }

    @Test
    void a_token_of_another_component_or_endpoint_is_refused() {
        String token = issued();

        assertThat(TOKENS.verify("ep", "other-ic", token)).isEmpty();
        assertThat(TOKENS.verify("other-ep", "ic", token)).isEmpty();
    }

    @Test
    void garbled_tokens_are_refused_without_an_exception() {
        String token = issued();
        List<String> garbled = List.of(
                "",
                "NEW_SESSION",
                "s1",
                "s1-",
                "s2" + token.substring(2),
                token.substring(0, token.length() - CONTAINER_ID.length() - 1),
                token.replaceFirst("-5-", "-999-"),
                token.replaceFirst("-5-", "-0-"),
                token.replaceFirst("-5-", "-x-"),
                "s1-zz" + token.substring(5),
                token.substring(0, 10) + token.substring(11),
                token + "-" + "a".repeat(256));
        for (String bad : garbled) {
            assertThat(TOKENS.verify("ep", "ic", bad)).as(bad).isEmpty();
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char changed = c == 'a' ? 'b' : c == '-' ? '-' : 'a';
            if (changed != c) {
                String flipped = token.substring(0, i) + changed + token.substring(i + 1);
                assertThat(TOKENS.verify("ep", "ic", flipped)).as(flipped).isEmpty();
            }
        }
    }

    @Test
    void a_container_id_too_long_to_carry_its_copy_or_out_of_shape_gets_no_token() {
        assertThat(TOKENS.issue(new SessionTokens.Pin("ep", "ic", "ic-c1", EXPIRES, "a".repeat(250))))
                .isEmpty();
        assertThat(TOKENS.issue(new SessionTokens.Pin("ep", "ic", "ic-c1", EXPIRES, "has space")))
                .isEmpty();
        assertThat(TOKENS.issue(new SessionTokens.Pin("ep", "ic", "ic-c1", EXPIRES, "trailing-")))
                .isEmpty();
    }
}
