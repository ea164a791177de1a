package dev.stowage.local.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code up --capacity}: how many instances of a type local mode runs at once. */
class CapacityLimitsTest {

    @Test
    void pairs_of_type_and_count_cap_those_types_and_no_other() {
        CapacityLimits limits = CapacityLimits.parse("ml.g5.12xlarge=2, ml.g6.12xlarge=0");

        assertThat(limits.perType()).isEqualTo(Map.of("ml.g5.12xlarge", 2, "ml.g6.12xlarge", 0));
        assertThat(limits.allows("ml.g5.12xlarge", 1)).isTrue();
        assertThat(limits.allows("ml.g5.12xlarge", 2)).isFalse();
        assertThat(limits.allows("ml.g6.12xlarge", 0)).isFalse();
        assertThat(limits.allows("ml.g5.xlarge", 1_000)).isTrue();
        assertThat(CapacityLimits.parse("")).isEqualTo(CapacityLimits.NONE);
    }

    @Test
    void a_launch_beyond_the_cap_is_refused_as_ec2_refuses_it() {
        assertThat(CapacityLimits.parse("ml.g5.12xlarge=2").refusal("ml.g5.12xlarge"))
                .startsWith("InsufficientInstanceCapacity: We currently do not have sufficient ml.g5.12xlarge"
                        + " capacity.")
                .endsWith("(Local mode runs at most 2 ml.g5.12xlarge at once: --capacity.)");
    }

    @Test
    void anything_but_type_equals_count_is_refused_saying_what_it_takes() {
        assertThatThrownBy(() -> CapacityLimits.parse("ml.g5.12xlarge:2"))
                .hasMessage("--capacity takes TYPE=COUNT pairs separated by commas, such as ml.g5.12xlarge=2, not"
                        + " \"ml.g5.12xlarge:2\"");
        assertThatThrownBy(() -> CapacityLimits.parse("g5=two")).hasMessageContaining("not \"g5=two\"");
    }
}
