package dev.stowage.functions.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.stowage.domain.component.CopyQuota;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentQuotaTest {

    @Test
    void the_default_quota_when_the_deployment_sets_none() {
        assertThat(DeploymentQuota.of(Map.of())).isEqualTo(CopyQuota.DEFAULT);
        assertThat(DeploymentQuota.of(Map.of(DeploymentQuota.VARIABLE, " "))).isEqualTo(CopyQuota.DEFAULT);
    }

    @Test
    void the_deployments_quota() {
        assertThat(DeploymentQuota.of(Map.of(DeploymentQuota.VARIABLE, "64")).copiesPerInferenceComponent())
                .isEqualTo(64);
    }

    @Test
    void a_quota_that_is_not_a_positive_whole_number_stops_the_function_from_starting() {
        for (String bad : new String[] {"0", "-3", "1.5", "lots", "4294967297"}) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> DeploymentQuota.of(Map.of(DeploymentQuota.VARIABLE, bad)))
                    .withMessage(
                            DeploymentQuota.VARIABLE + " must be a whole number of at least 1, not \"" + bad + "\".");
        }
    }
}
