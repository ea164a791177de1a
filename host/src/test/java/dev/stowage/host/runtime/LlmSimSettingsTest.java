package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.host.time.TimeScale;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSimSettingsTest {

    @Test
    void defaults_resemble_a_batching_llm_server() {
        LlmSimSettings settings = LlmSimSettings.from(Map.of(), TimeScale.REAL_TIME, "fallback");

        assertThat(settings.stepTime()).isEqualTo(new StepTime(Duration.ofMillis(20), 0.2));
        assertThat(settings.stepTime().slowdownAt(16))
                .as("16 together, 3–4× slower each")
                .isBetween(3.0, 4.0);
        assertThat(settings.maxBatch()).isEqualTo(16);
        assertThat(settings.prefillPerToken()).isZero();
        assertThat(settings.prefixCacheBlocks()).isEqualTo(1_000);
        assertThat(settings.prefixBlockTokens()).isEqualTo(512);
        assertThat(settings.load()).isZero();
        assertThat(settings.seed()).isEqualTo("fallback".hashCode());
    }

    @Test
    void reads_the_environment_and_scales_every_duration() {
        LlmSimSettings settings = LlmSimSettings.from(
                Map.of(
                        "STOWAGE_TOKEN_MS", "30",
                        "STOWAGE_BATCH_SLOWDOWN", "0.05",
                        "STOWAGE_MAX_BATCH", "8",
                        "STOWAGE_PREFILL_US_PER_TOKEN", "250",
                        "STOWAGE_LOAD_MS", "1000",
                        "STOWAGE_PREFIX_CACHE_BLOCKS", "64",
                        "STOWAGE_PREFIX_BLOCK_TOKENS", "16",
                        "STOWAGE_COPY_ID", "7"),
                TimeScale.of(10),
                "fallback");

        assertThat(settings.stepTime()).isEqualTo(new StepTime(Duration.ofMillis(3), 0.05));
        assertThat(settings.maxBatch()).isEqualTo(8);
        assertThat(settings.prefillPerToken()).isEqualTo(Duration.ofNanos(25_000));
        assertThat(settings.load()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.prefixCacheBlocks()).isEqualTo(64);
        assertThat(settings.prefixBlockTokens()).isEqualTo(16);
        assertThat(settings.seed()).isEqualTo(7);
    }

    @Test
    void a_malformed_or_out_of_range_value_takes_the_default() {
        LlmSimSettings settings = LlmSimSettings.from(
                Map.of(
                        "STOWAGE_BATCH_SLOWDOWN", "-1",
                        "STOWAGE_MAX_BATCH", "0",
                        "STOWAGE_TOKEN_MS", "soon",
                        "STOWAGE_PREFIX_CACHE_BLOCKS", "-3",
                        "STOWAGE_PREFIX_BLOCK_TOKENS", "0"),
                TimeScale.REAL_TIME,
                "fallback");

        assertThat(settings.stepTime()).isEqualTo(new StepTime(Duration.ofMillis(20), 0.2));
        assertThat(settings.maxBatch()).isEqualTo(16);
        assertThat(settings.prefixCacheBlocks()).isEqualTo(1_000);
        assertThat(settings.prefixBlockTokens()).isEqualTo(512);
    }
}
