package dev.stowage.functions.ec2;

/**
 * EC2 did not launch an instance: no capacity in any host subnet, an account limit, or {@code MAX_INSTANCES}
 * reached. The instance stays requested; the next reconcile round tries again.
 */
public final class LaunchFailedException extends RuntimeException {
    public LaunchFailedException(String message) {
        super(message);
    }

    public LaunchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
