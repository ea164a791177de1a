package dev.stowage.domain.scaling;

import dev.stowage.domain.Arns;
import java.util.Optional;

/** The ARNs Application Auto Scaling and CloudWatch give to targets, policies, their alarms and the default role. */
public record ScalingArns(String region, String account) {

    public static ScalingArns of(Arns arns) {
        return new ScalingArns(arns.region(), arns.account());
    }

    /** {@code arn:aws:application-autoscaling:<region>:<account>:scalable-target/<id>}. */
    public String scalableTarget(String id) {
        return "arn:aws:application-autoscaling:" + region + ":" + account + ":scalable-target/" + id;
    }

    /** {@code arn:aws:autoscaling:<region>:<account>:scalingPolicy:<id>:resource/<namespace>/<resource id>:policyName/<name>}. */
    public String policy(String id, ScalableTargetKey key, String policyName) {
        return "arn:aws:autoscaling:" + region + ":" + account + ":scalingPolicy:" + id + ":resource/"
                + key.serviceNamespace() + "/" + key.resourceId() + ":policyName/" + policyName;
    }

    /** {@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}. */
    public String alarm(String alarmName) {
        return "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + alarmName;
    }

    /** The service-linked role Application Auto Scaling uses for SageMaker when the request names no role. */
    public String serviceLinkedRole() {
        return "arn:aws:iam::" + account + ":role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/"
                + "AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint";
    }

    /** What a policy ARN names: its target's namespace and resource id, and the policy name. */
    public record PolicyRef(String serviceNamespace, String resourceId, String policyName) {}

    /** The target and policy a policy ARN names; empty for anything else (an SNS topic, an EC2 action, …). */
    public static Optional<PolicyRef> parsePolicy(String arn) {
        int resource = arn.indexOf(":resource/");
        int policy = arn.indexOf(":policyName/");
        if (!arn.startsWith("arn:aws:autoscaling:") || resource < 0 || policy < resource) {
            return Optional.empty();
        }
        String target = arn.substring(resource + ":resource/".length(), policy);
        int slash = target.indexOf('/');
        String name = arn.substring(policy + ":policyName/".length());
        if (slash < 1 || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyRef(target.substring(0, slash), target.substring(slash + 1), name));
    }
}
