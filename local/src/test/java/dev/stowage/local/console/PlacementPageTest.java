package dev.stowage.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.fleet.FleetState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementPageTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void an_empty_local_mode_says_so_and_refreshes_itself() {
        String html = PlacementPage.render(List.of(), NOW);

        assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"2\">").contains("No endpoints yet.");
    }

    @Test
    void why_a_copy_is_pending_is_shown_escaped() {
        FleetState blocked =
                new FleetState(Map.of(), Map.of(), Map.of("ic", "needs 8 \"GPUs\" <of 4>"), Map.of(), Map.of(), 0);
        String html = PlacementPage.render(
                List.of(new PlacementPage.Endpoint(
                        "ep",
                        "InService",
                        List.of(new PlacementPage.Fleet(
                                "AllTraffic",
                                "ml.g5.12xlarge",
                                blocked,
                                List.of(new PlacementPage.Component("ic", "Creating", 1, 0, 0)))))),
                NOW);

        assertThat(html)
                .contains("<td>needs 8 &quot;GPUs&quot; &lt;of 4&gt;</td>")
                .doesNotContain("<of 4>");
    }
}
