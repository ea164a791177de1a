package dev.stowage.local.wiring;

import dev.stowage.functions.cloudwatch.InMemoryDashboards;
import dev.stowage.functions.config.Stores;
import dev.stowage.functions.dashboards.DashboardHandler;
import dev.stowage.functions.dashboards.DashboardReactor;
import dev.stowage.functions.dashboards.DashboardSettings;
import dev.stowage.local.app.LocalHandlers;
import dev.stowage.local.app.StreamSubscription;
import dev.stowage.local.console.DashboardConsole;
import java.util.List;

/**
 * The endpoint dashboards in local mode: the dashboard Lambda's handler fed by the {@code events} table's stream
 * (after the other consumers of the batch, so the views are projected first), writing to memory instead of
 * CloudWatch, and the {@link DashboardConsole} that serves what it wrote.
 */
final class LocalDashboards {
    private final InMemoryDashboards dashboards = new InMemoryDashboards();
    private final String eventsTable;
    private final DashboardHandler handler;

    private LocalDashboards(Stores stores, String eventsTable, String region) {
        this.eventsTable = eventsTable;
        this.handler = new DashboardHandler(new DashboardReactor(
                stores.events(),
                stores.views(),
                dashboards,
                new DashboardSettings(DashboardSettings.DEFAULT_PREFIX, region)));
    }

    static LocalDashboards of(Stores stores, String eventsTable, String region) {
        return new LocalDashboards(stores, eventsTable, region);
    }

    /** {@code handlers} with the dashboards served in front of their API and kept from {@code eventsTable}. */
    LocalHandlers around(LocalHandlers handlers) {
        return new LocalHandlers(
                new DashboardConsole(dashboards, handlers.api()),
                handlers.streams().stream()
                        .map(subscription -> subscription.tableName().equals(eventsTable)
                                ? new StreamSubscription(
                                        eventsTable, new FanOut(List.of(subscription.handler(), handler)))
                                : subscription)
                        .toList(),
                handlers.resources(),
                handlers.refusal());
    }
}
