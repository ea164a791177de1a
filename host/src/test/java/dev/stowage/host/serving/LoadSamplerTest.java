package dev.stowage.host.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Written for the drift the autoscaling scenarios found: a sampler sleeping one period after each sample slid across
 * the alarm periods' edges and left some periods without a datapoint.
 */
class LoadSamplerTest {
    private static final Duration TEN_SECONDS_AT_120 = Duration.ofNanos(83_333_333);

    @Test
    void samples_fall_in_the_middle_of_the_periods_the_alarms_read() {
        Instant windowStart = Instant.ofEpochMilli(83L * 1_000_000);

        assertThat(LoadSampler.nextSample(windowStart, TEN_SECONDS_AT_120)).isEqualTo(windowStart.plusMillis(41));
        assertThat(LoadSampler.nextSample(windowStart.plusMillis(41), TEN_SECONDS_AT_120))
                .as("the middle just passed: the next period's")
                .isEqualTo(windowStart.plusMillis(83 + 41));
        assertThat(LoadSampler.nextSample(windowStart.plusMillis(82), TEN_SECONDS_AT_120))
                .isEqualTo(windowStart.plusMillis(83 + 41));
    }

    @Test
    void a_late_wake_up_still_samples_every_period_once() {
        Instant now = Instant.ofEpochMilli(10_000_000_019L);
        long previousWindow = -1;
        for (int i = 0; i < 1_000; i++) {
            Instant sample = LoadSampler.nextSample(now, TEN_SECONDS_AT_120).plusMillis(i % 7 * 5); // up to 30 ms late
            long window = Math.floorDiv(sample.toEpochMilli(), 83);
            if (previousWindow >= 0) {
                assertThat(window).as("sample %d", i).isEqualTo(previousWindow + 1);
            }
            previousWindow = window;
            now = sample;
        }
    }

    @Test
    void periods_shorter_than_a_millisecond_are_one_millisecond() {
        Instant now = Instant.ofEpochMilli(5);
        assertThat(LoadSampler.nextSample(now, Duration.ofNanos(10))).isEqualTo(Instant.ofEpochMilli(6));
    }
}
