package dev.stowage.local.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatisticSetValuesTest {
    @Test
    void the_values_keep_count_sum_minimum_and_maximum() {
        double[] values = StatisticSetValues.of(5, 20, 1, 9, 100);

        assertThat(values).hasSize(5);
        assertThat(Arrays.stream(values).sum()).isEqualTo(20.0);
        assertThat(Arrays.stream(values).min().orElseThrow()).isEqualTo(1.0);
        assertThat(Arrays.stream(values).max().orElseThrow()).isEqualTo(9.0);
    }

    @Test
    void one_or_two_samples_are_the_values_themselves() {
        assertThat(StatisticSetValues.of(1, 4, 4, 4, 100)).containsExactly(4.0);
        assertThat(StatisticSetValues.of(2, 7, 3, 4, 100)).containsExactly(3.0, 4.0);
    }

    @Test
    void sets_the_store_cannot_keep_are_refused_with_why() {
        assertThatThrownBy(() -> StatisticSetValues.of(2.5, 1, 0, 1, 100)).hasMessageContaining("whole samples");
        assertThatThrownBy(() -> StatisticSetValues.of(0, 0, 0, 0, 100)).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> StatisticSetValues.of(101, 1, 0, 1, 100)).hasMessageContaining("not 101.0");
        assertThatThrownBy(() -> StatisticSetValues.of(3, 1, 2, 1, 100)).hasMessageContaining("greater than Maximum");
    }
}
