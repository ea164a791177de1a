package dev.stowage.domain.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstancePricesTest {

    @Test
    void every_supported_type_has_a_positive_price_and_nothing_else_is_priced() {
        InstancePrices prices = InstancePrices.standard();
        for (InstanceType type : InstanceTypeCatalog.standard().all()) {
            assertThat(prices.find(type.name())).as(type.name()).isPresent();
            assertThat(prices.find(type.name()).getAsDouble()).as(type.name()).isPositive();
        }
        assertThat(prices.all()).hasSameSizeAs(InstanceTypeCatalog.standard().all());
    }

    @Test
    void overrides_replace_and_add() {
        InstancePrices custom = InstancePrices.parse("name,usd_per_hour\nml.g5.12xlarge,5.5\nml.x9.large,1\n");
        InstancePrices merged = InstancePrices.standard().overriddenBy(custom);
        assertThat(merged.perHourOrZero("ml.g5.12xlarge")).isEqualTo(5.5);
        assertThat(merged.perHourOrZero("ml.x9.large")).isEqualTo(1.0);
        assertThat(merged.perHourOrZero("ml.g6.12xlarge")).isEqualTo(5.883);
        assertThat(merged.perHourOrZero("ml.unknown.large")).isZero();
    }

    @Test
    void a_bad_file_names_the_line() {
        assertThatThrownBy(() -> InstancePrices.parse("name,price\n"))
                .hasMessage("Line 1: expected the header name,usd_per_hour");
        assertThatThrownBy(() -> InstancePrices.parse("# prices\nname,usd_per_hour\nml.g5.xlarge,cheap\n"))
                .hasMessage("Line 3: \"cheap\" is not a price in dollars per hour like 1.408.");
        assertThatThrownBy(() -> InstancePrices.parse("name,usd_per_hour\nml.g5.xlarge,-1\n"))
                .hasMessageStartingWith("Line 2: \"-1\"");
        assertThatThrownBy(() -> InstancePrices.parse("name,usd_per_hour\nml.g5.xlarge,1\nml.g5.xlarge,2\n"))
                .hasMessage("Line 3: ml.g5.xlarge is priced twice.");
        assertThatThrownBy(() -> InstancePrices.parse("name,usd_per_hour\nml.g5.xlarge\n"))
                .hasMessage("Line 2: expected 2 cells, found 1");
    }
}
