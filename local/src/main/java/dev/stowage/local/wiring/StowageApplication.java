package dev.stowage.local.wiring;

import dev.stowage.domain.Arns;
import dev.stowage.domain.views.Projector;
import dev.stowage.functions.api.ApiHandler;
import dev.stowage.functions.api.ApiWiring;
import dev.stowage.functions.config.Stores;
import dev.stowage.functions.protocol.sigv4.SigV4Verifier;
import dev.stowage.functions.store.EventsTable;
import dev.stowage.functions.views.ViewProjectorHandler;
import dev.stowage.functions.views.ViewsTable;
import dev.stowage.local.app.LocalApplication;
import dev.stowage.local.app.LocalEnvironment;
import dev.stowage.local.app.LocalHandlers;
import dev.stowage.local.app.StreamSubscription;
import java.util.List;
import java.util.Optional;

/**
 * Stowage in local mode: the tables of the AWS deployment on local DynamoDB, the API Lambda's handler behind a
 * SigV4 check, and the view projector fed from the events table's stream as Lambda's event source mapping
 * would feed it.
 */
public final class StowageApplication implements LocalApplication {
    public static final String EVENTS_TABLE = "events";
    public static final String VIEWS_TABLE = "views";

    @Override
    public LocalHandlers setUp(LocalEnvironment environment) {
        new EventsTable(EVENTS_TABLE).createIfMissing(environment.dynamoDb());
        ViewsTable.createIfMissing(environment.dynamoDb(), VIEWS_TABLE);
        Arns arns = new Arns(environment.region().id(), environment.account());
        Stores stores = Stores.dynamoDb(environment.dynamoDb(), EVENTS_TABLE, VIEWS_TABLE, arns);

        ApiHandler api =
                new ApiHandler(ApiWiring.of(stores, environment.clock()).services());
        String accessKey = environment.credentials().accessKeyId();
        String secret = environment.credentials().secretAccessKey();
        SigV4Verifier verifier = new SigV4Verifier(
                key -> key.equals(accessKey) ? Optional.of(secret) : Optional.empty(),
                environment.region().id(),
                environment.clock());

        var projector = new ViewProjectorHandler(new Projector(stores.events(), stores.views()));
        return new LocalHandlers(
                new SignatureGate(api, verifier), List.of(new StreamSubscription(EVENTS_TABLE, projector)));
    }

    @Override
    public String name() {
        return "Stowage";
    }

    @Override
    public int priority() {
        return 100;
    }
}
