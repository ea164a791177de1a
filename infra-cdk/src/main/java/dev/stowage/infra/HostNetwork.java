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
 * instances, the internal network load balancer whose target group the instance provider registers each instance in,
 * and two security groups that reference each other and name no address range (ADR 23): the load balancer's, which
 * lets in only API Gateway's VPC link (PrivateLink traffic, not evaluated against inbound rules; nothing else in the
 * VPC may open a connection to it) and lets out only to the hosts' runtime port; and the hosts', which lets in the
 * runtime port from the load balancer's group only and the peer port from the hosts' own group only.
 */
public final class HostNetwork extends Construct {
    /** The port every host serves the runtime API on ({@code STOWAGE_RUNTIME_PORT}). */
    public static final int RUNTIME_PORT = 8080;
    /** The port hosts forward requests and gossip loads to each other on ({@code STOWAGE_PEER_PORT}). */
    public static final int PEER_PORT = 8081;

    private final IVpc vpc;
    private final SecurityGroup hosts;
    private final SecurityGroup front;
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
                .description("Stowage inference hosts: the runtime port from the load balancer, the peer port from"
                        + " the hosts")
                .allowAllOutbound(true)
                .build();
        this.front = SecurityGroup.Builder.create(this, "RuntimeBalancer")
                .vpc(vpc)
                .description("Stowage runtime load balancer: reached through API Gateway's VPC link only")
                .allowAllOutbound(false)
                .build();
        // Ids of their own, not the ones before ADR 23: Elastic Load Balancing cannot give a security group to a
        // network
        // load balancer made without one, so an existing stack must replace it, and its target group, which may belong
        // to one load balancer only.
        this.loadBalancer = NetworkLoadBalancer.Builder.create(this, "GuardedRuntime")
                .vpc(vpc)
                .internetFacing(false)
                .crossZoneEnabled(true)
                .vpcSubnets(privateSubnets())
                .securityGroups(List.of(front))
                // The VPC link reaches the load balancer through PrivateLink from addresses the stack cannot name;
                // with no inbound rule, nothing else in the VPC can.
                .enforceSecurityGroupInboundRulesOnPrivateLinkTraffic(false)
                .build();
        // Requests and health checks; referencing the balancer's group lets them in whatever client IP is preserved.
        front.getConnections()
                .allowTo(hosts, Port.tcp(RUNTIME_PORT), "Runtime API and its health check, from the load balancer");
        hosts.getConnections()
                .allowInternally(Port.tcp(PEER_PORT), "Peer forwarding and load gossip, from the deployment's hosts");
        this.targets = NetworkTargetGroup.Builder.create(this, "GuardedHostTargets")
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

    /** The load balancer's security group: the only source of the hosts' runtime port. */
    public SecurityGroup front() {
        return front;
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

    /**
     * The same subnets as {@code <subnet id>:<availability zone>}: the zones placement balances instances over and
     * the instance provider launches in (ADR 27). The stack knows each selected subnet's zone (tokens of the stack's
     * zones for its own VPC, the looked-up values for an existing one).
     */
    public List<String> hostSubnetsWithZones() {
        return vpc.selectSubnets(privateSubnets()).getSubnets().stream()
                .map(subnet -> subnet.getSubnetId() + ":" + subnet.getAvailabilityZone())
                .toList();
    }
}
