package dev.stowage.functions.ec2;

import dev.stowage.testing.aws.CannedResponse;
import dev.stowage.testing.aws.CapturedRequest;
import dev.stowage.testing.aws.CapturingAwsServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** A stand-in EC2 and ELB endpoint with the real clients pointed at it, without retries. */
final class ScriptedEc2 implements AutoCloseable {
    final CapturingAwsServer server = CapturingAwsServer.start();
    final Ec2Client ec2 = server.configure(Ec2Client.builder())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
    final ElasticLoadBalancingV2Client elb = server.configure(ElasticLoadBalancingV2Client.builder())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();

    /** Answers each operation with its queued responses in turn (the last one repeats); ELB calls succeed. */
    void script(Map<String, List<CannedResponse>> answers) {
        Map<String, Deque<CannedResponse>> queues = new HashMap<>();
        answers.forEach((op, list) -> queues.put(op, new ArrayDeque<>(list)));
        Function<CapturedRequest, CannedResponse> responder = request -> {
            Deque<CannedResponse> queue = queues.get(request.operation());
            if (queue == null) {
                return Ec2Responses.elb(request.operation());
            }
            return queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
        };
        server.respond(responder);
    }

    @Override
    public void close() {
        ec2.close();
        elb.close();
        server.close();
    }
}
