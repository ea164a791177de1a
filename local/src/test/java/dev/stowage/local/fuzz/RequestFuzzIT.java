package dev.stowage.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.fleet.FleetSettings;
import dev.stowage.local.sdk.RunningStowage;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's fuzzing test: requests derived from every service model local mode serves (SageMaker, Application Auto
 * Scaling, Stowage's and the hosts' operations, CloudWatch in its three wires, the runtime), mutated as a careless
 * client or an attacker would, sent signed to local mode in this JVM. Every answer must be a non-5xx; every error a
 * well-formed AWS error of its protocol; every request that breaks the model or the protocol refused; and the events
 * table unchanged, since every request to an operation that writes is one that must be refused.
 *
 * <p>About 40 s of requests by default; {@code -Dstowage.fuzz.requests=100000} for a long run. The seed is printed:
 * {@code -Dstowage.fuzz.seed=S -Dstowage.fuzz.only=I} sends request {@code I} of that run again, alone.
 */
class RequestFuzzIT {
    /** The fast timers of the other ITs, but a host is lost only after 30 s: fuzzing load must not look like a crash. */
    private static final FleetSettings PATIENT =
            new FleetSettings(Duration.ofSeconds(1), 2, 3, Duration.ofSeconds(30), Duration.ofSeconds(20));

    private static RunningStowage stowage;
    private static Fixture fixture;

    @BeforeAll
    static void startWithTheFixture() {
        stowage = RunningStowage.start(null, RunningStowage.FAST.withSettings(PATIENT));
        fixture = Fixture.create(stowage);
    }

    @AfterAll
    static void stop() {
        if (stowage != null) {
            stowage.close();
        }
    }

    @Test
    void every_answer_is_a_success_or_a_well_formed_refusal_and_no_refused_request_writes()
            throws InterruptedException {
        FuzzSettings settings = FuzzSettings.fromSystemProperties();
        System.out.println("RequestFuzzIT: seed " + settings.seed() + " (-Dstowage.fuzz.seed=" + settings.seed()
                + " replays this run)");

        FuzzReport report = new FuzzCampaign(
                        settings, new RequestFactory(settings.seed(), fixture), stowage::eventCount, fixture.events())
                .run();

        System.out.println("RequestFuzzIT: " + report.summary());
        assertThat(report.failureCount()).as(report.failureText()).isZero();
    }
}
