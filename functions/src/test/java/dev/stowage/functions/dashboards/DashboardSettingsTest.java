package dev.stowage.functions.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {

    @Test
    void the_environment_gives_prefix_and_region_with_defaults() {
        assertThat(DashboardSettings.fromEnvironment(Map.of()))
                .isEqualTo(new DashboardSettings("Stowage-", "us-east-1"));
        assertThat(DashboardSettings.fromEnvironment(
                        Map.of("STOWAGE_DASHBOARD_PREFIX", "prod_", "AWS_REGION", "eu-west-1")))
                .isEqualTo(new DashboardSettings("prod_", "eu-west-1"));
    }

    @Test
    void a_dashboard_is_named_after_its_endpoint_and_back() {
        DashboardSettings settings = new DashboardSettings("Stowage-", "us-east-1");

        assertThat(settings.dashboardName("my-ep-1")).isEqualTo("Stowage-my-ep-1");
        assertThat(settings.endpointOf("Stowage-my-ep-1")).contains("my-ep-1");
        assertThat(settings.endpointOf("Other-my-ep-1")).isEmpty();
        assertThat(settings.endpointOf("Stowage-")).isEmpty();
    }

    @Test
    void prefixes_outside_cloudwatchs_name_rules_are_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DashboardSettings("stowage/", "us-east-1"))
                .withMessageContaining("letters, digits");
        assertThatIllegalArgumentException().isThrownBy(() -> new DashboardSettings("x".repeat(193), "us-east-1"));
        assertThat(new DashboardSettings("x".repeat(192), "us-east-1").dashboardName("e".repeat(63)))
                .hasSize(255);
        assertThat(new DashboardSettings("", "us-east-1").dashboardName("ep")).isEqualTo("ep");
    }
}
