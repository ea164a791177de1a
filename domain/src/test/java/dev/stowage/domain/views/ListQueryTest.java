package dev.stowage.domain.views;

import static dev.stowage.domain.views.Fixtures.ARN;
import static dev.stowage.domain.views.Fixtures.SPEC;
import static dev.stowage.domain.views.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.component.InferenceComponentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ListQueryTest {
    // Two rows share a creation time and two share a status, so ties must be broken by name.
    private static final List<InferenceComponentRow> ROWS = List.of(
            ic("alpha", "ep-1", "AllTraffic", InferenceComponentStatus.IN_SERVICE, 0, 50),
            ic("Beta", "ep-1", "Canary", InferenceComponentStatus.CREATING, 10, 10),
            ic("gamma", "ep-2", "AllTraffic", InferenceComponentStatus.IN_SERVICE, 10, 40),
            ic("delta", "ep-2", "AllTraffic", InferenceComponentStatus.FAILED, 20, 30),
            ic("ALPHA-2", "ep-1", "AllTraffic", InferenceComponentStatus.DELETING, 30, 30),
            ic("epsilon", "ep-3", "AllTraffic", InferenceComponentStatus.UPDATING, 40, 60),
            ic("zeta", "ep-3", "AllTraffic", InferenceComponentStatus.IN_SERVICE, 50, 70));

    private static InferenceComponentRow ic(
            String name, String endpoint, String variant, InferenceComponentStatus status, int created, int modified) {
        return new InferenceComponentRow(
                name,
                ARN + "inference-component/" + name,
                endpoint,
                ARN + "endpoint/" + endpoint,
                variant,
                SPEC,
                status,
                Optional.empty(),
                1,
                0,
                T0.plusSeconds(created),
                T0.plusSeconds(modified),
                1);
    }

    private static List<String> names(List<? extends ViewRow> rows) {
        return rows.stream().map(ViewRow::name).toList();
    }

    private static List<InferenceComponentRow> all(ListQueryBuilder builder) {
        List<InferenceComponentRow> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page<InferenceComponentRow> page =
                    builder.nextToken(token.orElse(null)).build().run(ROWS);
            seen.addAll(page.items());
            token = page.nextToken();
        } while (token.isPresent());
        return seen;
    }

    @Test
    void defaultsToNewestFirstTenPerPage() {
        Page<InferenceComponentRow> page = ListQuery.defaults().run(ROWS);

        assertThat(names(page.items()))
                .containsExactly("zeta", "epsilon", "ALPHA-2", "delta", "gamma", "Beta", "alpha");
        assertThat(page.nextToken()).isEmpty();
    }

    @Property(tries = 200)
    void pagingReturnsEveryRowOnceInOrder(
            @ForAll @IntRange(min = 1, max = 5) int maxResults,
            @ForAll ListSortBy sortBy,
            @ForAll ListSortOrder sortOrder) {
        ListQueryBuilder builder =
                ListQuery.builder().sortBy(sortBy).sortOrder(sortOrder).maxResults(maxResults);

        List<InferenceComponentRow> paged = all(builder);

        assertThat(paged).hasSize(ROWS.size()).doesNotHaveDuplicates();
        assertThat(paged)
                .isEqualTo(builder.nextToken(null)
                        .maxResults(100)
                        .build()
                        .run(ROWS)
                        .items());
    }

    @Test
    void sortsByNameCaseInsensitivelyAndByStatusThenName() {
        assertThat(names(ListQuery.builder()
                        .sortBy(ListSortBy.NAME)
                        .sortOrder(ListSortOrder.ASCENDING)
                        .build()
                        .run(ROWS)
                        .items()))
                .containsExactly("alpha", "ALPHA-2", "Beta", "delta", "epsilon", "gamma", "zeta");
        assertThat(names(ListQuery.builder()
                        .sortBy(ListSortBy.STATUS)
                        .sortOrder(ListSortOrder.ASCENDING)
                        .build()
                        .run(ROWS)
                        .items()))
                .containsExactly("Beta", "ALPHA-2", "delta", "alpha", "gamma", "zeta", "epsilon");
    }

    @Test
    void filtersCombine() {
        ListQuery query = ListQuery.builder()
                .nameContains("A")
                .statusEquals("InService")
                .endpointNameEquals("ep-1")
                .sortOrder(ListSortOrder.ASCENDING)
                .build();

        assertThat(names(query.run(ROWS).items())).containsExactly("alpha");
        assertThat(names(ListQuery.builder()
                        .nameContains("ALPHA")
                        .build()
                        .run(ROWS)
                        .items()))
                .containsExactly("ALPHA-2", "alpha");
        assertThat(names(ListQuery.builder()
                        .variantNameEquals("Canary")
                        .build()
                        .run(ROWS)
                        .items()))
                .containsExactly("Beta");
    }

    @Test
    void timeFiltersAreStrictExceptCreationTimeAfter() {
        Instant t10 = T0.plusSeconds(10);
        assertThat(names(ListQuery.builder()
                        .creationTimeBefore(t10)
                        .build()
                        .run(ROWS)
                        .items()))
                .containsExactly("alpha");
        assertThat(names(ListQuery.builder()
                        .creationTimeAfter(T0.plusSeconds(40))
                        .build()
                        .run(ROWS)
                        .items()))
                .containsExactly("zeta", "epsilon");
        assertThat(names(ListQuery.builder()
                        .lastModifiedTimeAfter(T0.plusSeconds(60))
                        .build()
                        .run(ROWS)
                        .items()))
                .containsExactly("zeta");
        assertThat(names(ListQuery.builder()
                        .lastModifiedTimeBefore(T0.plusSeconds(30))
                        .build()
                        .run(ROWS)
                        .items()))
                .containsExactly("Beta");
    }

    @Test
    void aPageResumesAfterItsLastRowEvenWhenThatRowIsGone() {
        Page<InferenceComponentRow> first =
                ListQuery.builder().maxResults(2).build().run(ROWS);
        assertThat(names(first.items())).containsExactly("zeta", "epsilon");
        List<InferenceComponentRow> withoutEpsilon =
                ROWS.stream().filter(row -> !row.name().equals("epsilon")).toList();

        Page<InferenceComponentRow> second = ListQuery.builder()
                .maxResults(2)
                .nextToken(first.nextToken().orElseThrow())
                .build()
                .run(withoutEpsilon);

        assertThat(names(second.items())).containsExactly("ALPHA-2", "delta");
    }

    @Test
    void rejectsMalformedTokensAndOutOfRangeMaxResults() {
        String garbage = "not base64 !";
        String wellFormedNonsense = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("v1\nCreationTime\nDescending\nyesterday\nx".getBytes(StandardCharsets.UTF_8));
        String byName = ListQuery.builder()
                .sortBy(ListSortBy.NAME)
                .maxResults(1)
                .build()
                .run(ROWS)
                .nextToken()
                .orElseThrow();

        for (String token : List.of(garbage, wellFormedNonsense, "", byName)) {
            assertThatThrownBy(
                            () -> ListQuery.builder().nextToken(token).build().run(ROWS))
                    .isInstanceOf(CommandRejected.class)
                    .satisfies(e -> assertThat(((CommandRejected) e).kind()).isEqualTo(CommandRejected.Kind.VALIDATION))
                    .hasMessageContaining("NextToken");
        }
        assertThatThrownBy(() -> ListQuery.builder().maxResults(0).build())
                .hasMessageContaining("greater than or equal to 1");
        assertThatThrownBy(() -> ListQuery.builder().maxResults(101).build())
                .hasMessageContaining("less than or equal to 100");
    }

    @Test
    void sortKeysPerOperation() {
        assertThat(ListSortBy.STATUS.appliesTo(ViewKind.MODEL)).isFalse();
        assertThat(ListSortBy.STATUS.appliesTo(ViewKind.INFERENCE_COMPONENT)).isTrue();
        assertThat(ListSortBy.fromWireName("CreationTime")).contains(ListSortBy.CREATION_TIME);
        assertThat(ROWS.stream().sorted(Comparator.comparing(ViewRow::name)).toList())
                .hasSize(7);
    }
}
