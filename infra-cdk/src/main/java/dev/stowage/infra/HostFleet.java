package dev.stowage.infra;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.LaunchTemplateHttpTokens;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * What the instance provider launches hosts from: one launch template for NVIDIA GPU instances and one for
 * Inferentia/Trainium (Neuron), each from the current public deep learning AMI resolved through its SSM parameter at
 * launch time, IMDSv2 required with a hop limit of 1 (containers on the host cannot reach the instance's
 * credentials), instance tags readable through IMDS (the host learns which fleet it belongs to), an encrypted gp3
 * root volume for model artifacts, and the host jar installed and run by {@link HostUserData}.
 *
 * <p>The instance role may do only what the host does: write metrics to Stowage's own namespaces, write copy logs
 * to the deployment's log groups, read model artifacts, pull images from the account's ECR repositories (or those
 * named in {@code stowage:ecrRepositories}), read its own jar, and call the API's {@code POST /host}.
 */
public final class HostFleet extends Construct {
    public static final String GPU_AMI_PARAMETER =
            "/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-amazon-linux-2023/latest/ami-id";
    public static final String NEURON_AMI_PARAMETER =
            "/aws/service/neuron/dlami/base/amazon-linux-2023/latest/image_id";
    /** CloudWatch refuses custom namespaces under {@code AWS/}; hosts publish SageMaker's metrics under this one. */
    public static final String METRICS_NAMESPACE_PATTERN = "Stowage/*";

    private final Role role;
    private final LaunchTemplate gpu;
    private final LaunchTemplate neuron;

    public HostFleet(Construct scope, String id, Props props) {
        super(scope, id);
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
                .description("Stowage inference hosts")
                .build();
        grantHostPermissions(props);
        Asset jar = Asset.Builder.create(this, "HostJar")
                .path(props.settings().hostJar().toString())
                .build();
        jar.grantRead(role);
        Map<String, String> environment = hostEnvironment(props.apiUrl(), props.settings());
        this.gpu = launchTemplate(
                "Gpu", "gpu", GPU_AMI_PARAMETER, props, HostUserData.of(jar, environment, HostUserData.Devices.NVIDIA));
        this.neuron = launchTemplate(
                "Neuron",
                "neuron",
                NEURON_AMI_PARAMETER,
                props,
                HostUserData.of(jar, environment, HostUserData.Devices.NEURON));
    }

    private void grantHostPermissions(Props props) {
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("Metrics")
                .effect(Effect.ALLOW)
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringLike", Map.of("cloudwatch:namespace", METRICS_NAMESPACE_PATTERN)))
                .build());
        String logGroups = "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":log-group:"
                + copyLogGroupPrefix(props.settings()) + "*";
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("CopyLogs")
                .effect(Effect.ALLOW)
                .actions(List.of(
                        "logs:CreateLogGroup",
                        "logs:CreateLogStream",
                        "logs:PutLogEvents",
                        "logs:PutRetentionPolicy",
                        "logs:DescribeLogStreams"))
                .resources(List.of(logGroups, logGroups + ":log-stream:*"))
                .build());
        role.addToPolicy(props.settings().artifactBuckets().isEmpty() ? ownAccountArtifacts() : namedArtifacts(props));
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("EcrToken")
                .effect(Effect.ALLOW)
                .actions(List.of("ecr:GetAuthorizationToken"))
                .resources(List.of("*"))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("EcrPull")
                .effect(Effect.ALLOW)
                .actions(List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"))
                .resources(ecrRepositories(props.settings()))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ControlPlane")
                .effect(Effect.ALLOW)
                .actions(List.of("execute-api:Invoke"))
                .resources(List.of(props.hostApiArn()))
                .build());
    }

    /** Any bucket of the deployment's own account: artifacts are where the team keeps them. */
    private static PolicyStatement ownAccountArtifacts() {
        return PolicyStatement.Builder.create()
                .sid("Artifacts")
                .effect(Effect.ALLOW)
                .actions(List.of("s3:GetObject", "s3:ListBucket"))
                .resources(List.of("arn:" + Aws.PARTITION + ":s3:::*"))
                .conditions(Map.of("StringEquals", Map.of("s3:ResourceAccount", Aws.ACCOUNT_ID)))
                .build();
    }

    private static PolicyStatement namedArtifacts(Props props) {
        List<String> resources = props.settings().artifactBuckets().stream()
                .flatMap(bucket -> Stream.of(
                        "arn:" + Aws.PARTITION + ":s3:::" + bucket, "arn:" + Aws.PARTITION + ":s3:::" + bucket + "/*"))
                .toList();
        return PolicyStatement.Builder.create()
                .sid("Artifacts")
                .effect(Effect.ALLOW)
                .actions(List.of("s3:GetObject", "s3:ListBucket"))
                .resources(resources)
                .build();
    }

    /**
     * The repositories hosts may pull from: those named (a name is a repository of the deployment's account and
     * region; an ARN is taken as it is, for another account's or region's), else every repository of the account in
     * the region.
     */
    static List<String> ecrRepositories(StowageSettings settings) {
        String own = "arn:" + Aws.PARTITION + ":ecr:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":repository/";
        if (settings.ecrRepositories().isEmpty()) {
            return List.of(own + "*");
        }
        return settings.ecrRepositories().stream()
                .map(repository -> repository.startsWith("arn:") ? repository : own + repository)
                .toList();
    }

    private LaunchTemplate launchTemplate(String id, String kind, String amiParameter, Props props, UserData userData) {
        return LaunchTemplate.Builder.create(this, id)
                .launchTemplateName(props.settings().deployment() + "-" + kind + "-hosts")
                .machineImage(MachineImage.resolveSsmParameterAtLaunch(amiParameter))
                .role(role)
                .securityGroup(props.network().hosts())
                .userData(userData)
                .httpTokens(LaunchTemplateHttpTokens.REQUIRED)
                .httpPutResponseHopLimit(1)
                .instanceMetadataTags(true)
                .ebsOptimized(true)
                .blockDevices(List.of(BlockDevice.builder()
                        .deviceName("/dev/xvda")
                        .volume(BlockDeviceVolume.ebs(
                                200,
                                EbsDeviceOptions.builder()
                                        .volumeType(EbsDeviceVolumeType.GP3)
                                        .encrypted(true)
                                        .deleteOnTermination(true)
                                        .build()))
                        .build()))
                .build();
    }

    /**
     * What the host reads at start (ADR 15): the API's stage URL, the region, the deployment, the runtime port, the
     * peer port (ADR 23), and where copy logs go and how long they are kept.
     */
    public static Map<String, String> hostEnvironment(String apiUrl, StowageSettings settings) {
        return Map.of(
                "STOWAGE_API_URL",
                apiUrl,
                "AWS_REGION",
                Aws.REGION,
                "STOWAGE_DEPLOYMENT",
                settings.deployment(),
                "STOWAGE_RUNTIME_PORT",
                Integer.toString(HostNetwork.RUNTIME_PORT),
                "STOWAGE_PEER_PORT",
                Integer.toString(HostNetwork.PEER_PORT),
                "STOWAGE_LOG_GROUP_PREFIX",
                copyLogGroupPrefix(settings),
                "STOWAGE_LOG_RETENTION_DAYS",
                Integer.toString(settings.logRetentionDays()));
    }

    /** The log groups copy logs go to: one per inference component, under the deployment's prefix. */
    static String copyLogGroupPrefix(StowageSettings settings) {
        return "/stowage/" + settings.deployment() + "/inference-components/";
    }

    public Role role() {
        return role;
    }

    public LaunchTemplate gpu() {
        return gpu;
    }

    public LaunchTemplate neuron() {
        return neuron;
    }

    /**
     * @param hostApiArn the {@code execute-api} ARN of {@code POST /host} on the API's stage
     * @param apiUrl the API's stage URL, which hosts call
     */
    public record Props(StowageSettings settings, HostNetwork network, String hostApiArn, String apiUrl) {}
}
