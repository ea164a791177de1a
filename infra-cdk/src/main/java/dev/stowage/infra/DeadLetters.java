package dev.stowage.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/** A dead-letter queue: encrypted, TLS only, keeping what failed for 14 days (SQS's longest). */
final class DeadLetters {
    private DeadLetters() {}

    static Queue queue(Construct scope, String id) {
        return Queue.Builder.create(scope, id)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
    }
}
