package dev.stowage.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.events.Document;
import java.time.Instant;

/** Fixed constants shared by the decider specs. */
public final class Fixtures {
    public static final Arns ARNS = new Arns("us-east-1", "123456789012");
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant T1 = Instant.parse("2026-01-01T00:01:00Z");
    public static final Instant T2 = Instant.parse("2026-01-01T00:02:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    public static Document doc(String json) {
        try {
            return Document.of((ObjectNode) JSON.readTree(json.replace('\'', '"')));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** An endpoint config for inference components on ml.g5.12xlarge, scaling 1–2. */
    public static final Document IC_CONFIG = doc("{'ExecutionRoleArn':'arn:aws:iam::123456789012:role/r',"
            + "'ProductionVariants':[{'VariantName':'AllTraffic','InstanceType':'ml.g5.12xlarge',"
            + "'InitialInstanceCount':1,'ManagedInstanceScaling':{'Status':'ENABLED','MinInstanceCount':1,"
            + "'MaxInstanceCount':2},'RoutingConfig':{'RoutingStrategy':'LEAST_OUTSTANDING_REQUESTS'}}]}");

    /** An endpoint config serving model {@code m} directly. */
    public static final Document MODEL_CONFIG = doc("{'ProductionVariants':[{'VariantName':'AllTraffic',"
            + "'ModelName':'m','InstanceType':'ml.g5.xlarge','InitialInstanceCount':1}]}");

    /** A specification needing one accelerator. */
    public static final Document SPEC = doc(
            "{'ModelName':'m','ComputeResourceRequirements':"
                    + "{'NumberOfCpuCoresRequired':2.0,'NumberOfAcceleratorDevicesRequired':1.0,'MinMemoryRequiredInMb':1024}}");
}
