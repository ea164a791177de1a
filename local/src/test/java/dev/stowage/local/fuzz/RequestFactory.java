package dev.stowage.local.fuzz;

/**
 * Every request of a run, by its index: which family it belongs to and all its parts come from the seed and the
 * index alone. JSON services take most requests, then the runtime, CloudWatch's three wires and the console.
 */
final class RequestFactory {
    private final long seed;
    private final JsonApiRequests json;
    private final CloudWatchRequests cloudWatch;
    private final RuntimeRequests runtime;
    private final ConsoleRequests console;

    RequestFactory(long seed, Fixture fixture) {
        this.seed = seed;
        this.json = new JsonApiRequests(ApiService.jsonServices(), fixture.api());
        this.cloudWatch = new CloudWatchRequests(fixture.api());
        this.runtime = new RuntimeRequests(fixture.api(), fixture.hosts());
        this.console = new ConsoleRequests(fixture.api());
    }

    FuzzRequest make(long index) {
        Dice dice = Dice.of(seed, index);
        int family = dice.between(0, 99);
        if (family < 45) {
            return json.make(index, dice);
        }
        if (family < 75) {
            return runtime.make(index, dice);
        }
        if (family < 96) {
            return cloudWatch.make(index, dice);
        }
        return console.make(index, dice);
    }
}
