package dev.stowage.functions.cloudwatch;

import java.util.Collection;
import java.util.List;

/**
 * Where dashboards live: CloudWatch on AWS ({@link CloudWatchDashboards}), memory in local mode and tests ({@link
 * InMemoryDashboards}). Both calls are idempotent, so the at-least-once wake-ups of the reactor may repeat them;
 * implementations are safe for concurrent use.
 */
public interface Dashboards {

    /**
     * Creates dashboard {@code name} with {@code body} (a dashboard body JSON document), or replaces its body.
     *
     * @return what the service found worth saying about the body without refusing it (CloudWatch's {@code
     *     DashboardValidationMessages}); empty when nothing
     * @throws IllegalArgumentException when the body is refused
     */
    List<String> put(String name, String body);

    /** Deletes the dashboards {@code names}; a name with no dashboard is not an error. */
    void delete(Collection<String> names);
}
