package dev.stowage.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * The two tables (DESIGN §3), declared as {@code EventsTable} and {@code ViewsTable} create them locally: {@code
 * events} with a {@code NEW_IMAGE} stream whose records wake the projectors and reactors, {@code views} with its kind
 * index and a TTL on liveness rows. Both on demand, with point-in-time recovery, and kept when the stack is destroyed
 * (the events are the system of record). CloudFormation names them, so a stack deployed again after a destroy gets
 * new tables beside the kept ones instead of failing on their names; the functions read the names from their
 * environment.
 */
public final class EventTables extends Construct {
    public static final String EVENTS_PARTITION_KEY = "stream";
    public static final String EVENTS_SORT_KEY = "version";
    public static final String VIEWS_PARTITION_KEY = "id";
    public static final String VIEWS_KIND_INDEX = "kind-index";
    public static final String VIEWS_KIND = "kind";
    public static final String VIEWS_TTL = "expiresAt";
    /** The views table's row holding the hosts' key ring, which only the API function may touch (ADR 23). */
    public static final String VIEWS_HOST_KEYS_ROW = "host-keys";

    private final Table events;
    private final Table views;

    public EventTables(Construct scope, String id) {
        super(scope, id);
        this.events = Table.Builder.create(this, "Events")
                .partitionKey(key(EVENTS_PARTITION_KEY, AttributeType.STRING))
                .sortKey(key(EVENTS_SORT_KEY, AttributeType.NUMBER))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .stream(StreamViewType.NEW_IMAGE)
                .pointInTimeRecoverySpecification(recovery())
                .encryption(TableEncryption.AWS_MANAGED)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        this.views = Table.Builder.create(this, "Views")
                .partitionKey(key(VIEWS_PARTITION_KEY, AttributeType.STRING))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(VIEWS_TTL)
                .pointInTimeRecoverySpecification(recovery())
                .encryption(TableEncryption.AWS_MANAGED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        views.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(VIEWS_KIND_INDEX)
                .partitionKey(key(VIEWS_KIND, AttributeType.STRING))
                .sortKey(key(VIEWS_PARTITION_KEY, AttributeType.STRING))
                .projectionType(ProjectionType.ALL)
                .build());
    }

    public Table events() {
        return events;
    }

    public Table views() {
        return views;
    }

    private static Attribute key(String name, AttributeType type) {
        return Attribute.builder().name(name).type(type).build();
    }

    private static PointInTimeRecoverySpecification recovery() {
        return PointInTimeRecoverySpecification.builder()
                .pointInTimeRecoveryEnabled(true)
                .build();
    }
}
