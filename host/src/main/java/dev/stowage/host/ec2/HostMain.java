package dev.stowage.host.ec2;

import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The inference host on an EC2 instance ({@code java -jar /opt/stowage/stowage-host.jar}, run by systemd): reads its
 * environment and its identity from IMDS, registers through the API and serves until SIGTERM, when it drains its
 * copies and stops. A failure to start exits with status 1, for systemd to restart it.
 */
public final class HostMain {
    private static final System.Logger LOG = System.getLogger(HostMain.class.getName());

    private HostMain() {}

    public static void main(String[] args) throws InterruptedException {
        HostEnvironment environment = HostEnvironment.of(System.getenv());
        HostIdentity identity = HostIdentity.read(Imds.fromEnvironment(System.getenv()), environment.peerPort());
        Ec2Host running = Ec2HostWiring.aws()
                .host(
                        environment,
                        identity,
                        DefaultCredentialsProvider.builder().build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Not the logger: java.util.logging resets its handlers in a shutdown hook of its own, which runs at the
            // same time as this one and would lose these lines.
            System.err.println("stopping: draining the copies of " + identity.instanceId());
            running.close();
            System.err.println("stopped: the copies of " + identity.instanceId() + " are drained");
            stopped.countDown();
        }));
        try {
            running.host().start();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not register " + identity.instanceId(), e);
            System.exit(1);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "serving " + identity.endpointName() + "/" + identity.variantName() + " as " + identity.instanceId()
                        + " on port " + environment.runtimePort() + ", peers at " + identity.address());
        // The host's loops run on virtual (daemon) threads: main waits for the shutdown hook.
        stopped.await();
    }
}
