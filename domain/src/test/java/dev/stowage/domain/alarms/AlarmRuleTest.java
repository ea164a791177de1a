package dev.stowage.domain.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlarmRuleTest {
    private static final Map<String, AlarmState> STATES = Map.of(
            "cpu-high", AlarmState.ALARM,
            "deploying", AlarmState.OK,
            "errors", AlarmState.INSUFFICIENT_DATA);

    private static boolean holds(String rule) {
        return AlarmRule.parse(rule).holds(name -> Optional.ofNullable(STATES.get(name)));
    }

    @Test
    void states_operators_and_parentheses_as_cloudwatch_reads_them() {
        assertThat(holds("ALARM(cpu-high) AND NOT ALARM(deploying)")).isTrue();
        assertThat(holds("ALARM(\"cpu-high\") AND ALARM(deploying)")).isFalse();
        assertThat(holds("OK(deploying) AND INSUFFICIENT_DATA(errors)")).isTrue();
        assertThat(holds("ALARM(errors) OR ALARM(deploying) OR TRUE")).isTrue();
        assertThat(holds("FALSE")).isFalse();
        assertThat(holds("NOT (ALARM(cpu-high) OR ALARM(errors))")).isFalse();
        assertThat(holds("ALARM(gone)"))
                .as("an alarm that does not exist is in no state")
                .isFalse();
    }

    @Test
    void and_binds_tighter_than_or() {
        assertThat(holds("ALARM(cpu-high) OR ALARM(deploying) AND FALSE")).isTrue();
        assertThat(holds("(ALARM(cpu-high) OR ALARM(deploying)) AND FALSE")).isFalse();
    }

    @Test
    void the_alarms_named_are_known_by_name_even_through_their_arns() {
        AlarmRule rule =
                AlarmRule.parse("ALARM(\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high\") OR OK(deploying)");

        assertThat(rule.alarms()).containsExactlyInAnyOrder("cpu-high", "deploying");
        assertThat(rule.holds(name -> Optional.ofNullable(STATES.get(name)))).isTrue();
    }

    @Test
    void anything_else_is_refused_with_the_token_and_where_it_is() {
        assertThatThrownBy(() -> AlarmRule.parse("()"))
                .hasMessage("Error in AlarmRule [Unsupported token ')' at char 1]");
        assertThatThrownBy(() -> AlarmRule.parse("ALARM(a) XOR ALARM(b)"))
                .hasMessage("Error in AlarmRule [Unsupported token 'XOR' at char 9]");
        assertThatThrownBy(() -> AlarmRule.parse("ALARM(a) AND"))
                .hasMessage("Error in AlarmRule [Unexpected end of rule at char 12]");
        assertThatThrownBy(() -> AlarmRule.parse("ALARMS(a)"))
                .hasMessageStartingWith("Error in AlarmRule [Unsupported token 'ALARMS'");
    }
}
