package dev.stowage.functions.dashboards;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.stowage.functions.cloudwatch.CloudWatchDashboards;
import dev.stowage.functions.config.Environment;
import dev.stowage.functions.config.Stores;
import dev.stowage.functions.dynamodb.WakeUps;
import dev.stowage.functions.metrics.BatchFigures;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The dashboard Lambda, fed by the {@code events} table's stream with {@code ReportBatchItemFailures}. A record is
 * a wake-up for the stream it names, handled once per batch by the {@link DashboardReactor}; a record whose
 * dashboards could not be written is reported in {@code batchItemFailures}, so Lambda retries from it.
 *
 * <p>Environment: that of {@link Stores#fromEnvironment()}, and {@code STOWAGE_DASHBOARD_PREFIX} and {@code
 * AWS_REGION} ({@link DashboardSettings#fromEnvironment}).
 */
public final class DashboardHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final DashboardReactor reactor;
    private final BatchFigures figures;

    /**
     * Lambda's entry point: stores, CloudWatch client and settings from the environment, once per container; figures
     * as EMF.
     */
    public DashboardHandler() {
        this(fromEnvironment(), BatchFigures.forFunction("dashboards", "Streams"));
    }

    /** A handler that records no figures (local mode). */
    public DashboardHandler(DashboardReactor reactor) {
        this(reactor, BatchFigures.NONE);
    }

    public DashboardHandler(DashboardReactor reactor, BatchFigures figures) {
        this.reactor = reactor;
        this.figures = figures;
    }

    private static DashboardReactor fromEnvironment() {
        Stores stores = Stores.fromEnvironment();
        return new DashboardReactor(
                stores.events(),
                stores.views(),
                new CloudWatchDashboards(CloudWatchClient.create()),
                DashboardSettings.fromEnvironment(Environment.variables()));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return WakeUps.catchUpEach(
                event,
                context,
                "Dashboard update",
                stream -> reactor.react(stream)
                        .forEach(remark -> context.getLogger().log("Dashboard remark after " + stream + ": " + remark)),
                figures);
    }
}
