package dev.stowage.host.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.events.Document;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a component's container environment tells the router, and what a request's header asks. */
class ComponentDefaultsTest {
    private static Document specification(String name, String value) throws Exception {
        return Document.of((ObjectNode) new ObjectMapper()
                .readTree("{\"Container\":{\"Image\":\"x\",\"Environment\":{\"" + name + "\":\"" + value + "\"}}}"));
    }

    @Test
    void a_component_may_set_its_copies_concurrency_limit() throws Exception {
        assertThat(CopyConcurrency.ofSpecification(specification(CopyConcurrency.ENVIRONMENT, "64")))
                .contains(64);
        assertThat(CopyConcurrency.ofSpecification(specification(CopyConcurrency.ENVIRONMENT, "0")))
                .isEmpty();
        assertThat(CopyConcurrency.ofSpecification(specification(CopyConcurrency.ENVIRONMENT, "many")))
                .isEmpty();
        assertThat(CopyConcurrency.ofSpecification(specification("OTHER", "64")))
                .isEmpty();
    }

    @Test
    void waiting_for_capacity_comes_from_the_header_or_the_components_default() throws Exception {
        assertThat(CapacityWait.ofHeader("2.5")).contains(Duration.ofMillis(2500));
        assertThat(CapacityWait.ofHeader("-1")).isEmpty();
        assertThat(CapacityWait.ofHeader("soon")).isEmpty();
        assertThat(CapacityWait.ofHeader("100000")).contains(CapacityWait.MAX);
        assertThat(CapacityWait.ofSpecification(specification(CapacityWait.ENVIRONMENT, "30")))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(CapacityWait.ofSpecification(specification("OTHER", "30"))).isEqualTo(Duration.ZERO);
        assertThat(Optional.of(CapacityWait.ofSpecification(specification(CapacityWait.ENVIRONMENT, "x"))))
                .contains(Duration.ZERO);
    }

    @Test
    void a_component_with_a_specification_per_instance_type_sets_them_in_any_of_its_entries() throws Exception {
        Document perType = Document.of((ObjectNode) new ObjectMapper()
                .readTree("{\"Specifications\":[{\"InstanceType\":\"ml.g5.12xlarge\",\"Container\":{\"Image\":\"x\"}},"
                        + "{\"InstanceType\":\"ml.g6.12xlarge\",\"Container\":{\"Image\":\"x\",\"Environment\":{\""
                        + CopyConcurrency.ENVIRONMENT + "\":\"8\",\"" + CapacityWait.ENVIRONMENT + "\":\"20\"}}}]}"));

        assertThat(CopyConcurrency.ofSpecification(perType)).contains(8);
        assertThat(CapacityWait.ofSpecification(perType)).isEqualTo(Duration.ofSeconds(20));
    }
}
