package dev.stowage.local.sdk;

import static dev.stowage.local.sdk.AnnouncementWalkthroughIT.CLASSIC_CONFIG;
import static dev.stowage.local.sdk.AnnouncementWalkthroughIT.CLASSIC_ENDPOINT;
import static dev.stowage.local.sdk.AnnouncementWalkthroughIT.ENDPOINT;
import static dev.stowage.local.sdk.AnnouncementWalkthroughIT.IC_CONFIG;
import static dev.stowage.local.sdk.AnnouncementWalkthroughIT.IC_EU;
import static dev.stowage.local.sdk.AnnouncementWalkthroughIT.IC_MISTRAL;
import static dev.stowage.local.sdk.AnnouncementWalkthroughIT.IC_US;
import static dev.stowage.local.sdk.AnnouncementWalkthroughIT.MODEL_EU;
import static dev.stowage.local.sdk.AnnouncementWalkthroughIT.MODEL_US;
import static dev.stowage.local.sdk.AnnouncementWalkthroughIT.VARIANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.EndpointConfigSortKey;
import software.amazon.awssdk.services.sagemaker.model.EndpointConfigSummary;
import software.amazon.awssdk.services.sagemaker.model.EndpointSortKey;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.EndpointSummary;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentSortKey;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentSummary;
import software.amazon.awssdk.services.sagemaker.model.ListEndpointConfigsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListEndpointsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListInferenceComponentsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListModelsRequest;
import software.amazon.awssdk.services.sagemaker.model.ModelSortKey;
import software.amazon.awssdk.services.sagemaker.model.ModelSummary;
import software.amazon.awssdk.services.sagemaker.model.OrderKey;

/**
 * The List operations of the walkthrough, once its models, configs, endpoints and inference components exist:
 * every filter, every sort in both orders, {@code MaxResults} 1 with {@code NextToken} to the end, and the SDK's
 * paginators.
 */
final class ListOperationsChecks {
    private final SageMakerClient sageMaker;
    private final Map<String, Instant> marks;

    ListOperationsChecks(SageMakerClient sageMaker, Map<String, Instant> marks) {
        this.sageMaker = sageMaker;
        this.marks = marks;
    }

    /**
     * Now, with a pause either side, so that resources created before and after it have creation times strictly
     * on each side.
     */
    static Instant mark() {
        pause();
        Instant now = Instant.now();
        pause();
        return now;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void inferenceComponents() {
        Instant afterEu = marks.get("afterIcEu");
        Instant afterUs = marks.get("afterIcUs");
        Instant settled = marks.get("componentsSettled");
        assertThat(ics(b -> {})).containsExactly(IC_MISTRAL, IC_US, IC_EU);
        assertThat(ics(b -> b.nameContains("llama2"))).containsExactly(IC_US, IC_EU);
        assertThat(ics(b -> b.nameContains("mistral"))).containsExactly(IC_MISTRAL);
        assertThat(ics(b -> b.nameContains("gpt"))).isEmpty();
        assertThat(ics(b -> b.endpointNameEquals(ENDPOINT))).containsExactly(IC_MISTRAL, IC_US, IC_EU);
        assertThat(ics(b -> b.endpointNameEquals(CLASSIC_ENDPOINT))).isEmpty();
        assertThat(ics(b -> b.variantNameEquals(VARIANT))).containsExactly(IC_MISTRAL, IC_US, IC_EU);
        assertThat(ics(b -> b.variantNameEquals("OtherVariant"))).isEmpty();
        assertThat(ics(b -> b.statusEquals(InferenceComponentStatus.IN_SERVICE)))
                .containsExactly(IC_US, IC_EU);
        assertThat(ics(b -> b.statusEquals(InferenceComponentStatus.FAILED))).containsExactly(IC_MISTRAL);
        assertThat(ics(b -> b.statusEquals(InferenceComponentStatus.CREATING))).isEmpty();
        assertThat(ics(b -> b.creationTimeBefore(afterEu))).containsExactly(IC_EU);
        assertThat(ics(b -> b.creationTimeAfter(afterUs))).containsExactly(IC_MISTRAL);
        assertThat(ics(b -> b.creationTimeAfter(afterEu).creationTimeBefore(afterUs)))
                .containsExactly(IC_US);
        // Statuses moved after creation, and LastModifiedTime with them: all of it before the components settled.
        assertThat(ics(b -> b.lastModifiedTimeBefore(settled))).containsExactly(IC_MISTRAL, IC_US, IC_EU);
        assertThat(ics(b -> b.lastModifiedTimeAfter(settled))).isEmpty();
        assertThat(ics(b -> b.lastModifiedTimeBefore(afterEu))).isEmpty();
        assertThat(ics(b -> b.endpointNameEquals(ENDPOINT).nameContains("us").statusEquals("InService")))
                .containsExactly(IC_US);

        assertThat(ics(b -> b.sortBy(InferenceComponentSortKey.NAME).sortOrder(OrderKey.ASCENDING)))
                .containsExactly(IC_EU, IC_US, IC_MISTRAL);
        assertThat(ics(b -> b.sortBy(InferenceComponentSortKey.NAME).sortOrder(OrderKey.DESCENDING)))
                .containsExactly(IC_MISTRAL, IC_US, IC_EU);
        assertThat(ics(b -> b.sortBy(InferenceComponentSortKey.CREATION_TIME).sortOrder(OrderKey.ASCENDING)))
                .containsExactly(IC_EU, IC_US, IC_MISTRAL);
        assertThat(ics(b -> b.sortBy(InferenceComponentSortKey.CREATION_TIME).sortOrder(OrderKey.DESCENDING)))
                .containsExactly(IC_MISTRAL, IC_US, IC_EU);
        for (OrderKey order : List.of(OrderKey.ASCENDING, OrderKey.DESCENDING)) {
            List<InferenceComponentSummary> byStatus = sageMaker
                    .listInferenceComponents(
                            b -> b.sortBy(InferenceComponentSortKey.STATUS).sortOrder(order))
                    .inferenceComponents();
            assertThat(byStatus)
                    .extracting(InferenceComponentSummary::inferenceComponentName)
                    .containsExactlyInAnyOrder(IC_EU, IC_US, IC_MISTRAL);
            List<String> statuses = byStatus.stream()
                    .map(InferenceComponentSummary::inferenceComponentStatusAsString)
                    .toList();
            assertThat(statuses).containsExactlyInAnyOrder("InService", "InService", "Failed");
            assertThat(statuses)
                    .isSortedAccordingTo(
                            order == OrderKey.ASCENDING ? Comparator.naturalOrder() : Comparator.reverseOrder());
        }
        InferenceComponentSummary summary = sageMaker
                .listInferenceComponents(b -> b.nameContains("eu"))
                .inferenceComponents()
                .getFirst();
        assertThat(summary.inferenceComponentArn()).endsWith(":inference-component/" + IC_EU);
        assertThat(summary.endpointName()).isEqualTo(ENDPOINT);
        assertThat(summary.endpointArn()).endsWith(":endpoint/" + ENDPOINT);
        assertThat(summary.variantName()).isEqualTo(VARIANT);
        AnnouncementWalkthroughIT.assertCloseToNow(summary.creationTime());
        AnnouncementWalkthroughIT.assertCloseToNow(summary.lastModifiedTime());

        for (Consumer<ListInferenceComponentsRequest.Builder> sort :
                List.<Consumer<ListInferenceComponentsRequest.Builder>>of(
                        b -> {},
                        b -> b.sortBy(InferenceComponentSortKey.NAME).sortOrder(OrderKey.ASCENDING),
                        b -> b.sortBy(InferenceComponentSortKey.STATUS).sortOrder(OrderKey.DESCENDING))) {
            List<String> all = ics(sort);
            assertThat(pages(token -> {
                        var page = sageMaker.listInferenceComponents(
                                b -> sort.andThen(c -> c.maxResults(1).nextToken(token))
                                        .accept(b));
                        return new Page(
                                page.inferenceComponents().stream()
                                        .map(InferenceComponentSummary::inferenceComponentName)
                                        .toList(),
                                page.nextToken());
                    }))
                    .containsExactlyElementsOf(all);
            assertThat(sageMaker
                            .listInferenceComponentsPaginator(
                                    b -> sort.andThen(c -> c.maxResults(1)).accept(b))
                            .inferenceComponents()
                            .stream()
                            .map(InferenceComponentSummary::inferenceComponentName))
                    .containsExactlyElementsOf(all);
        }
    }

    void models() {
        Instant afterEu = marks.get("after-" + MODEL_EU);
        assertThat(models(b -> {})).containsExactly(MODEL_US, MODEL_EU);
        assertThat(models(b -> b.nameContains("eu"))).containsExactly(MODEL_EU);
        assertThat(models(b -> b.nameContains("llama2"))).containsExactly(MODEL_US, MODEL_EU);
        assertThat(models(b -> b.creationTimeBefore(afterEu))).containsExactly(MODEL_EU);
        assertThat(models(b -> b.creationTimeAfter(afterEu))).containsExactly(MODEL_US);
        assertThat(models(b -> b.creationTimeBefore(marks.get("beforeModels")))).isEmpty();
        assertThat(models(b -> b.sortBy(ModelSortKey.NAME).sortOrder(OrderKey.ASCENDING)))
                .containsExactly(MODEL_EU, MODEL_US);
        assertThat(models(b -> b.sortBy(ModelSortKey.NAME).sortOrder(OrderKey.DESCENDING)))
                .containsExactly(MODEL_US, MODEL_EU);
        assertThat(models(b -> b.sortBy(ModelSortKey.CREATION_TIME).sortOrder(OrderKey.ASCENDING)))
                .containsExactly(MODEL_EU, MODEL_US);
        assertThat(models(b -> b.sortBy(ModelSortKey.CREATION_TIME).sortOrder(OrderKey.DESCENDING)))
                .containsExactly(MODEL_US, MODEL_EU);
        ModelSummary summary =
                sageMaker.listModels(b -> b.nameContains("eu")).models().getFirst();
        assertThat(summary.modelArn()).endsWith(":model/" + MODEL_EU);
        AnnouncementWalkthroughIT.assertCloseToNow(summary.creationTime());

        assertThat(pages(token -> {
                    var page = sageMaker.listModels(b -> b.maxResults(1).nextToken(token));
                    return new Page(
                            page.models().stream().map(ModelSummary::modelName).toList(), page.nextToken());
                }))
                .containsExactly(MODEL_US, MODEL_EU);
        assertThat(sageMaker
                        .listModelsPaginator(
                                b -> b.maxResults(1).sortBy(ModelSortKey.NAME).sortOrder(OrderKey.ASCENDING))
                        .models()
                        .stream()
                        .map(ModelSummary::modelName))
                .containsExactly(MODEL_EU, MODEL_US);
    }

    void endpointConfigs() {
        Instant afterIcConfig = marks.get("afterIcConfig");
        assertThat(configs(b -> {})).containsExactly(CLASSIC_CONFIG, IC_CONFIG);
        assertThat(configs(b -> b.nameContains("classic"))).containsExactly(CLASSIC_CONFIG);
        assertThat(configs(b -> b.creationTimeBefore(afterIcConfig))).containsExactly(IC_CONFIG);
        assertThat(configs(b -> b.creationTimeAfter(afterIcConfig))).containsExactly(CLASSIC_CONFIG);
        assertThat(configs(b -> b.sortBy(EndpointConfigSortKey.NAME).sortOrder(OrderKey.ASCENDING)))
                .containsExactly(CLASSIC_CONFIG, IC_CONFIG);
        assertThat(configs(b -> b.sortBy(EndpointConfigSortKey.NAME).sortOrder(OrderKey.DESCENDING)))
                .containsExactly(IC_CONFIG, CLASSIC_CONFIG);
        assertThat(configs(b -> b.sortBy(EndpointConfigSortKey.CREATION_TIME).sortOrder(OrderKey.ASCENDING)))
                .containsExactly(IC_CONFIG, CLASSIC_CONFIG);
        assertThat(configs(b -> b.sortBy(EndpointConfigSortKey.CREATION_TIME).sortOrder(OrderKey.DESCENDING)))
                .containsExactly(CLASSIC_CONFIG, IC_CONFIG);

        assertThat(pages(token -> {
                    var page =
                            sageMaker.listEndpointConfigs(b -> b.maxResults(1).nextToken(token));
                    return new Page(
                            page.endpointConfigs().stream()
                                    .map(EndpointConfigSummary::endpointConfigName)
                                    .toList(),
                            page.nextToken());
                }))
                .containsExactly(CLASSIC_CONFIG, IC_CONFIG);
        assertThat(sageMaker.listEndpointConfigsPaginator(b -> b.maxResults(1)).endpointConfigs().stream()
                        .map(EndpointConfigSummary::endpointConfigName))
                .containsExactly(CLASSIC_CONFIG, IC_CONFIG);
    }

    void endpoints() {
        Instant afterIcEndpoint = marks.get("afterIcEndpoint");
        Instant inService = marks.get("endpointsInService");
        assertThat(endpoints(b -> {})).containsExactly(CLASSIC_ENDPOINT, ENDPOINT);
        assertThat(endpoints(b -> b.nameContains("classic"))).containsExactly(CLASSIC_ENDPOINT);
        assertThat(endpoints(b -> b.statusEquals(EndpointStatus.IN_SERVICE)))
                .containsExactly(CLASSIC_ENDPOINT, ENDPOINT);
        assertThat(endpoints(b -> b.statusEquals(EndpointStatus.CREATING))).isEmpty();
        assertThat(endpoints(b -> b.creationTimeBefore(afterIcEndpoint))).containsExactly(ENDPOINT);
        assertThat(endpoints(b -> b.creationTimeAfter(afterIcEndpoint))).containsExactly(CLASSIC_ENDPOINT);
        // Both went InService after they were created, which moved their LastModifiedTime past the mark.
        assertThat(endpoints(b -> b.lastModifiedTimeAfter(afterIcEndpoint)))
                .containsExactly(CLASSIC_ENDPOINT, ENDPOINT);
        assertThat(endpoints(b -> b.lastModifiedTimeBefore(inService))).containsExactly(CLASSIC_ENDPOINT, ENDPOINT);
        assertThat(endpoints(b -> b.lastModifiedTimeAfter(inService))).isEmpty();
        assertThat(endpoints(b -> b.sortBy(EndpointSortKey.NAME).sortOrder(OrderKey.ASCENDING)))
                .containsExactly(ENDPOINT, CLASSIC_ENDPOINT);
        assertThat(endpoints(b -> b.sortBy(EndpointSortKey.NAME).sortOrder(OrderKey.DESCENDING)))
                .containsExactly(CLASSIC_ENDPOINT, ENDPOINT);
        assertThat(endpoints(b -> b.sortBy(EndpointSortKey.CREATION_TIME).sortOrder(OrderKey.ASCENDING)))
                .containsExactly(ENDPOINT, CLASSIC_ENDPOINT);
        assertThat(endpoints(b -> b.sortBy(EndpointSortKey.CREATION_TIME).sortOrder(OrderKey.DESCENDING)))
                .containsExactly(CLASSIC_ENDPOINT, ENDPOINT);
        for (OrderKey order : List.of(OrderKey.ASCENDING, OrderKey.DESCENDING)) {
            assertThat(endpoints(b -> b.sortBy(EndpointSortKey.STATUS).sortOrder(order)))
                    .containsExactlyInAnyOrder(ENDPOINT, CLASSIC_ENDPOINT);
        }
        EndpointSummary summary = sageMaker
                .listEndpoints(b -> b.nameContains("classic"))
                .endpoints()
                .getFirst();
        assertThat(summary.endpointArn()).endsWith(":endpoint/" + CLASSIC_ENDPOINT);
        assertThat(summary.endpointStatus()).isEqualTo(EndpointStatus.IN_SERVICE);
        AnnouncementWalkthroughIT.assertCloseToNow(summary.creationTime());
        AnnouncementWalkthroughIT.assertCloseToNow(summary.lastModifiedTime());

        assertThat(pages(token -> {
                    var page = sageMaker.listEndpoints(b -> b.maxResults(1).nextToken(token));
                    return new Page(
                            page.endpoints().stream()
                                    .map(EndpointSummary::endpointName)
                                    .toList(),
                            page.nextToken());
                }))
                .containsExactly(CLASSIC_ENDPOINT, ENDPOINT);
        assertThat(
                        sageMaker
                                .listEndpointsPaginator(b -> b.maxResults(1).sortBy(EndpointSortKey.NAME))
                                .endpoints()
                                .stream()
                                .map(EndpointSummary::endpointName))
                .containsExactly(CLASSIC_ENDPOINT, ENDPOINT);
    }

    private List<String> ics(Consumer<ListInferenceComponentsRequest.Builder> request) {
        return sageMaker.listInferenceComponents(request).inferenceComponents().stream()
                .map(InferenceComponentSummary::inferenceComponentName)
                .toList();
    }

    private List<String> models(Consumer<ListModelsRequest.Builder> request) {
        return sageMaker.listModels(request).models().stream()
                .map(ModelSummary::modelName)
                .toList();
    }

    private List<String> configs(Consumer<ListEndpointConfigsRequest.Builder> request) {
        return sageMaker.listEndpointConfigs(request).endpointConfigs().stream()
                .map(EndpointConfigSummary::endpointConfigName)
                .toList();
    }

    private List<String> endpoints(Consumer<ListEndpointsRequest.Builder> request) {
        return sageMaker.listEndpoints(request).endpoints().stream()
                .map(EndpointSummary::endpointName)
                .toList();
    }

    /** One page of names and the token of the next, null on the last page. */
    private record Page(List<String> names, @Nullable String nextToken) {}

    /** Every name of every page, following {@code NextToken} from the first page to the last; a page holds one. */
    private static List<String> pages(Function<@Nullable String, Page> fetch) {
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page page = fetch.apply(token);
            assertThat(page.names()).hasSizeLessThanOrEqualTo(1);
            names.addAll(page.names());
            token = page.nextToken();
            assertThat(++pages).as("pages").isLessThan(50);
        } while (token != null);
        return names;
    }
}
