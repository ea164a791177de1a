package dev.stowage.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcLookupOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseNetworkListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * Where the hosts run and how requests reach them: the VPC (made, or looked up by id), private subnets for the
 * instances, the hosts' security group (the runtime port open to the VPC only: the load balancer and peer hosts),
 * and the internal network load balancer whose target group the instance provider registers each instance in.
 */
public final class HostNetwork extends Construct {
    /** The port every host serves the runtime API on ({@code STOWAGE_RUNTIME_PORT}). */
    public static final int RUNTIME_PORT = 8080;

    private final IVpc vpc;
    private final SecurityGroup hosts;
    private final NetworkLoadBalancer loadBalancer;
    private final NetworkTargetGroup targets;
    private final SubnetSelection subnets;

    public HostNetwork(Construct scope, String id, StowageSettings settings, RetentionDays retention) {
        super(scope, id);
        this.subnets = settings.vpcId().isPresent()
                ? SubnetSelection.builder()
                        .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                        .build()
                : SubnetSelection.builder().subnetGroupName("hosts").build();
        this.vpc = settings.vpcId()
                .map(vpcId -> Vpc.fromLookup(
                        this, "Vpc", VpcLookupOptions.builder().vpcId(vpcId).build()))
                .orElseGet(() -> newVpc(settings, retention));
        this.hosts = SecurityGroup.Builder.create(this, "Hosts")
                .vpc(vpc)
                .description("Stowage inference hosts: the runtime port from inside the VPC")
                .allowAllOutbound(true)
                .build();
        hosts.addIngressRule(
                Peer.ipv4(vpc.getVpcCidrBlock()),
                Port.tcp(RUNTIME_PORT),
                "Runtime API from the load balancer and peer hosts");
        this.loadBalancer = NetworkLoadBalancer.Builder.create(this, "Runtime")
                .vpc(vpc)
                .internetFacing(false)
                .crossZoneEnabled(true)
                .vpcSubnets(privateSubnets())
                .build();
        this.targets = NetworkTargetGroup.Builder.create(this, "HostTargets")
                .vpc(vpc)
                .port(RUNTIME_PORT)
                .protocol(Protocol.TCP)
                .targetType(TargetType.INSTANCE)
                .deregistrationDelay(Duration.seconds(60))
                .healthCheck(HealthCheck.builder()
                        .protocol(Protocol.TCP)
                        .interval(Duration.seconds(10))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(2)
                        .build())
                .build();
        NetworkListener listener = loadBalancer.addListener(
                "Http",
                BaseNetworkListenerProps.builder()
                        .port(80)
                        .protocol(Protocol.TCP)
                        .build());
        listener.addTargetGroups("Hosts", targets);
    }

    private IVpc newVpc(StowageSettings settings, RetentionDays retention) {
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(retention)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        return Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(settings.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder()
                                .name("public")
                                .subnetType(SubnetType.PUBLIC)
                                .cidrMask(24)
                                .build(),
                        SubnetConfiguration.builder()
                                .name("hosts")
                                .subnetType(
                                        settings.natGateways() > 0
                                                ? SubnetType.PRIVATE_WITH_EGRESS
                                                : SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(20)
                                .build()))
                .gatewayEndpoints(Map.of(
                        "S3",
                        GatewayVpcEndpointOptions.builder()
                                .service(GatewayVpcEndpointAwsService.S3)
                                .build(),
                        "DynamoDb",
                        GatewayVpcEndpointOptions.builder()
                                .service(GatewayVpcEndpointAwsService.DYNAMODB)
                                .build()))
                .flowLogs(Map.of(
                        "Rejected",
                        FlowLogOptions.builder()
                                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                                .trafficType(FlowLogTrafficType.REJECT)
                                .build()))
                .build();
    }

    /** The private subnets of the VPC: the stack's own group, or those of the looked-up VPC that reach out. */
    private SubnetSelection privateSubnets() {
        return subnets;
    }

    public IVpc vpc() {
        return vpc;
    }

    public SecurityGroup hosts() {
        return hosts;
    }

    public NetworkLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public NetworkTargetGroup targets() {
        return targets;
    }

    /** The subnets instances are launched in (the instance provider spreads launches over them). */
    public List<String> hostSubnetIds() {
        return vpc.selectSubnets(privateSubnets()).getSubnetIds();
    }
}
