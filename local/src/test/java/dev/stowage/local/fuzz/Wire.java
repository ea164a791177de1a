package dev.stowage.local.fuzz;

/** The protocol a request speaks, and so the shape its errors must have. */
enum Wire {
    /** SageMaker, Application Auto Scaling, Stowage's and the hosts' operations. */
    JSON_1_1,
    /** CloudWatch as boto3, the AWS CLI and the JS SDK speak it. */
    JSON_1_0,
    /** CloudWatch as the Java SDK speaks it (Smithy RPC v2 CBOR). */
    CBOR,
    /** CloudWatch as older SDKs speak it: form posts answered in XML. */
    QUERY,
    /** InvokeEndpoint and InvokeEndpointWithResponseStream (REST JSON). */
    RUNTIME,
    /** Local mode's console under {@code GET /stowage/}: not an AWS API, only held to answering without a 5xx. */
    CONSOLE
}
