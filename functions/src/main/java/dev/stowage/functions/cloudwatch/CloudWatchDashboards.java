package dev.stowage.functions.cloudwatch;

import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardInvalidInputErrorException;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.DashboardValidationMessage;

/**
 * Dashboards in CloudWatch: {@code PutDashboard} and {@code DeleteDashboards}. {@code DeleteDashboards} takes at most
 * 100 names and deletes none of them when one does not exist ({@code ResourceNotFound}), so a batch that meets one
 * is retried name by name, each missing one skipped.
 */
public final class CloudWatchDashboards implements Dashboards {
    private static final int DELETE_BATCH = 100;

    private final CloudWatchClient cloudWatch;

    public CloudWatchDashboards(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public List<String> put(String name, String body) {
        try {
            return cloudWatch
                    .putDashboard(b -> b.dashboardName(name).dashboardBody(body))
                    .dashboardValidationMessages()
                    .stream()
                    .map(CloudWatchDashboards::text)
                    .toList();
        } catch (DashboardInvalidInputErrorException e) {
            throw new IllegalArgumentException(
                    "CloudWatch refused the body of dashboard " + name + ": "
                            + e.dashboardValidationMessages().stream()
                                    .map(CloudWatchDashboards::text)
                                    .toList(),
                    e);
        }
    }

    @Override
    public void delete(Collection<String> names) {
        List<String> all = List.copyOf(names);
        for (int from = 0; from < all.size(); from += DELETE_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH));
            try {
                cloudWatch.deleteDashboards(b -> b.dashboardNames(batch));
            } catch (DashboardNotFoundErrorException e) {
                batch.forEach(this::deleteOne);
            }
        }
    }

    private void deleteOne(String name) {
        try {
            cloudWatch.deleteDashboards(b -> b.dashboardNames(name));
        } catch (DashboardNotFoundErrorException e) {
            // already gone: what a repeated wake-up finds
        }
    }

    private static String text(DashboardValidationMessage message) {
        return message.dataPath() == null ? message.message() : message.dataPath() + ": " + message.message();
    }
}
