package dev.stowage.host.logs;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Copy logs on CloudWatch Logs (aws-contract): group {@code <prefix><inference component>}, stream {@code
 * <instanceId>/<copyId>}. A virtual thread reads the new complete lines of every followed file each {@code interval}
 * and sends them with {@code PutLogEvents}, in time order, in batches within its limits. The stream (and the group
 * when missing) is created before the first batch, {@code ResourceAlreadyExists} being fine. A failed send is kept
 * and tried again the next round; nothing here blocks or fails a copy. Closing a {@link Following} ships what is left.
 *
 * <p>IAM: {@code logs:CreateLogGroup}, {@code logs:CreateLogStream} and {@code logs:PutLogEvents} on {@code
 * arn:aws:logs:<region>:<account>:log-group:<prefix>*} and its {@code :log-stream:*}.
 */
public final class CloudWatchCopyLogs implements CopyLogSink, AutoCloseable {
    public static final String DEFAULT_GROUP_PREFIX = "/stowage/inference-components/";
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(CloudWatchCopyLogs.class.getName());

    private final CloudWatchLogsClient logs;
    private final String groupPrefix;
    private final String instanceId;
    private final Clock clock;
    private final int retentionDays;
    private final Map<FollowedLog, Boolean> followed = new ConcurrentHashMap<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread shipper;

    public CloudWatchCopyLogs(
            CloudWatchLogsClient logs, String groupPrefix, String instanceId, Duration interval, Clock clock) {
        this(logs, groupPrefix, instanceId, interval, clock, 0);
    }

    /**
     * @param retentionDays how long the log groups this sink creates keep events (a CloudWatch Logs retention
     *     period); 0: forever
     */
    public CloudWatchCopyLogs(
            CloudWatchLogsClient logs,
            String groupPrefix,
            String instanceId,
            Duration interval,
            Clock clock,
            int retentionDays) {
        this.logs = logs;
        this.retentionDays = retentionDays;
        this.groupPrefix = groupPrefix;
        this.instanceId = instanceId;
        this.clock = clock;
        this.shipper = Thread.ofVirtual().name("copy-logs").start(() -> {
            try {
                while (!stop.await(interval.toNanos(), TimeUnit.NANOSECONDS)) {
                    followed.keySet().forEach(this::ship);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The sink of a host on EC2: region and instance role from the environment. */
    public static CloudWatchCopyLogs forHost(String groupPrefix, String instanceId, int retentionDays) {
        return new CloudWatchCopyLogs(
                CloudWatchLogsClient.create(),
                groupPrefix,
                instanceId,
                DEFAULT_INTERVAL,
                Clock.systemUTC(),
                retentionDays);
    }

    @Override
    public Following follow(String inferenceComponent, String copyId, Path file) {
        FollowedLog log = new FollowedLog(groupPrefix + inferenceComponent, instanceId + "/" + copyId, file);
        followed.put(log, Boolean.TRUE);
        return () -> {
            followed.remove(log);
            ship(log);
        };
    }

    /** Ships what every followed file has gathered (what the thread does each interval). */
    public void flush() {
        followed.keySet().forEach(this::ship);
    }

    private void ship(FollowedLog log) {
        synchronized (log) {
            try {
                FollowedLog.Read read = log.read(clock);
                if (read.events().isEmpty()) {
                    log.advance(read);
                    return;
                }
                if (!log.streamCreated) {
                    createStream(log);
                    log.streamCreated = true;
                }
                for (List<InputLogEvent> batch : LogBatch.split(read.events())) {
                    logs.putLogEvents(b ->
                            b.logGroupName(log.group).logStreamName(log.stream).logEvents(batch));
                }
                log.advance(read);
            } catch (ResourceNotFoundException e) {
                log.streamCreated = false;
                LOG.log(Level.WARNING, "log stream " + log.group + " " + log.stream + " is gone; recreating: " + e);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "could not ship " + log.group + " " + log.stream + "; will retry: " + e);
            }
        }
    }

    private void createStream(FollowedLog log) {
        try {
            logs.createLogStream(b -> b.logGroupName(log.group).logStreamName(log.stream));
        } catch (ResourceAlreadyExistsException exists) {
            return;
        } catch (ResourceNotFoundException noGroup) {
            createGroup(log.group);
            try {
                logs.createLogStream(b -> b.logGroupName(log.group).logStreamName(log.stream));
            } catch (ResourceAlreadyExistsException exists) {
                // Created by an earlier attempt.
            }
        }
    }

    /** Creates {@code group} with the sink's retention; one created meanwhile by another host is left as it is. */
    private void createGroup(String group) {
        try {
            logs.createLogGroup(b -> b.logGroupName(group));
        } catch (ResourceAlreadyExistsException exists) {
            return;
        }
        if (retentionDays > 0) {
            logs.putRetentionPolicy(b -> b.logGroupName(group).retentionInDays(retentionDays));
        }
    }

    /** Stops the thread and ships what is left of every followed file. */
    @Override
    public void close() {
        stop.countDown();
        try {
            shipper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
