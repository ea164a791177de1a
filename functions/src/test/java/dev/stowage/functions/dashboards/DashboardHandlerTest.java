package dev.stowage.functions.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.views.InMemoryViewStore;
import dev.stowage.events.Event;
import dev.stowage.functions.cloudwatch.InMemoryDashboards;
import dev.stowage.functions.dynamodb.StreamRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardHandlerTest {
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryDashboards dashboards = new InMemoryDashboards();
    private final DashboardHandler handler = new DashboardHandler(new DashboardReactor(
            events, new InMemoryViewStore(), dashboards, new DashboardSettings("Stowage-", "us-east-1")));
    private final List<String> logged = new ArrayList<>();

    @Test
    void each_woken_stream_updates_its_dashboard_and_a_failure_is_reported_by_sequence_number() {
        append("endpoint/ep", DashboardReactorTest.endpointCreated("ep"));
        append("inference-component/ic", DashboardReactorTest.componentCreated("ic", "ep"));
        // A name CloudWatch would refuse (no such endpoint can exist): its dashboard cannot be named.
        append("endpoint/bad.name", DashboardReactorTest.endpointCreated("bad.name"));

        StreamsEventResponse response = handler.handleRequest(
                event(
                        record("endpoint/ep", "100"),
                        record("endpoint/bad.name", "101"),
                        record("inference-component/ic", "102"),
                        foreign("103")),
                context());

        assertThat(response.getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("101");
        assertThat(logged).singleElement().asString().startsWith("Dashboard update of endpoint/bad.name failed");
        assertThat(dashboards.all()).containsOnlyKeys("Stowage-ep");
        assertThat(dashboards.get("Stowage-ep").orElseThrow()).contains("`ic`");
    }

    private void append(String stream, Event event) {
        events.append(stream, 0, List.of(event), new AppendContext(DashboardReactorTest.T0, "c", "c"));
    }

    private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
        return StreamRecords.event(records);
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String stream, String sequenceNumber) {
        return StreamRecords.record(stream, 1, sequenceNumber);
    }

    private static DynamodbEvent.DynamodbStreamRecord foreign(String sequenceNumber) {
        DynamodbEvent.DynamodbStreamRecord record = StreamRecords.record("x", 1, sequenceNumber);
        record.getDynamodb().setKeys(Map.of("id", new AttributeValue("x")));
        return record;
    }

    private Context context() {
        return StreamRecords.context(logged);
    }
}
