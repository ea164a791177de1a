package dev.stowage.bench;

import dev.stowage.domain.Arns;
import dev.stowage.events.EventEnvelope;
import dev.stowage.functions.config.Stores;
import dev.stowage.local.LocalMode;
import dev.stowage.local.LocalModeOptions;
import dev.stowage.local.app.LocalEnvironment;
import dev.stowage.local.wiring.StowageApplication;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * Local mode in memory on a free port with the real {@link StowageApplication} at a time scale ({@link FleetTimers}),
 * the AWS SDK clients a user would point at it (SageMaker, SageMakerRuntime, Application Auto Scaling, CloudWatch),
 * the event store to read what happened, and an {@link AlarmLog} listening to the local alarm engine.
 */
final class AutoscalingLab implements AutoCloseable {
    private final double timeScale;
    private final LocalMode mode;
    private final StowageApplication stowage;
    private final Stores stores;
    private final LocalModeOptions options;
    private final AlarmLog alarms = new AlarmLog();
    private final SageMakerClient sageMaker;
    private final SageMakerRuntimeClient runtime;
    private final ApplicationAutoScalingClient autoScaling;
    private final CloudWatchClient cloudWatch;
    private final URI uri;

    private AutoscalingLab(double timeScale) {
        this.timeScale = timeScale;
        this.stowage = new StowageApplication(FleetTimers.at(timeScale));
        LocalModeOptions defaults = LocalModeOptions.defaults();
        this.options = new LocalModeOptions(
                0, null, defaults.region(), defaults.account(), defaults.accessKey(), defaults.secretKey());
        AtomicReference<Stores> captured = new AtomicReference<>();
        this.mode = LocalMode.start(options, (LocalEnvironment environment) -> {
            captured.set(Stores.dynamoDb(
                    environment.dynamoDb(),
                    StowageApplication.EVENTS_TABLE,
                    StowageApplication.VIEWS_TABLE,
                    new Arns(environment.region().id(), environment.account())));
            return stowage.setUp(environment);
        });
        this.stores = captured.get();
        stowage.alarms().addListener(alarms);
        this.uri = mode.baseUri();
        this.sageMaker = ControlPlaneCalls.client(uri);
        this.runtime = client(
                SageMakerRuntimeClient.builder().overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))
                        .apiCallTimeout(Duration.ofMinutes(5))),
                Apache5HttpClient.builder().maxConnections(1024).connectionAcquisitionTimeout(Duration.ofSeconds(60)));
        this.autoScaling = client(ApplicationAutoScalingClient.builder(), Apache5HttpClient.builder());
        this.cloudWatch = client(CloudWatchClient.builder(), Apache5HttpClient.builder());
    }

    /** A client of {@code builder}'s kind pointed at local mode, signing with its credentials. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            B builder, SdkHttpClient.Builder<?> http) {
        return builder.endpointOverride(uri)
                .region(Region.of(options.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(options.accessKey(), options.secretKey())))
                .httpClientBuilder(http)
                .build();
    }

    static AutoscalingLab start(double timeScale) {
        return new AutoscalingLab(timeScale);
    }

    double timeScale() {
        return timeScale;
    }

    /** Simulated time with its origin now. */
    SimulatedTime clockFromNow() {
        return new SimulatedTime(Instant.now(), timeScale);
    }

    SageMakerClient sageMaker() {
        return sageMaker;
    }

    /** Retries off, so that every failure is counted; calls may wait minutes for capacity. */
    SageMakerRuntimeClient runtime() {
        return runtime;
    }

    ApplicationAutoScalingClient autoScaling() {
        return autoScaling;
    }

    CloudWatchClient cloudWatch() {
        return cloudWatch;
    }

    AlarmLog alarms() {
        return alarms;
    }

    StowageApplication application() {
        return stowage;
    }

    /** Every event of {@code stream}, oldest first, as stored. */
    List<EventEnvelope> events(String stream) {
        return stores.events().read(stream);
    }

    /** Sleeps {@code simulated} of simulated time. */
    void sleep(Duration simulated) throws InterruptedException {
        Thread.sleep(Duration.ofNanos((long) (simulated.toNanos() / timeScale)));
    }

    @Override
    public void close() {
        runtime.close();
        autoScaling.close();
        cloudWatch.close();
        sageMaker.close();
        mode.close();
    }
}
