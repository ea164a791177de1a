package dev.stowage.testing.aws;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the server answers: a status, headers and a body. */
public record CannedResponse(int status, Map<String, String> headers, byte[] body) {

    public CannedResponse {
        headers = Map.copyOf(headers);
    }

    /** A Query-protocol (EC2, Elastic Load Balancing) answer. */
    public static CannedResponse xml(int status, String xml) {
        return new CannedResponse(status, Map.of("Content-Type", "text/xml;charset=UTF-8"), utf8(xml));
    }

    /** An AWS JSON 1.1 answer (CloudWatch Logs, SageMaker). */
    public static CannedResponse json(int status, String json) {
        return new CannedResponse(status, Map.of("Content-Type", "application/x-amz-json-1.1"), utf8(json));
    }

    /** A Smithy RPC v2 CBOR answer (CloudWatch): the protocol header must come back. */
    public static CannedResponse cbor(int status, byte[] body) {
        return new CannedResponse(
                status, Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"), body);
    }

    /** A REST-XML answer with a raw body (S3 GetObject). */
    public static CannedResponse bytes(int status, String contentType, byte[] body) {
        return new CannedResponse(status, Map.of("Content-Type", contentType), body);
    }

    public static CannedResponse empty() {
        return new CannedResponse(200, Map.of(), new byte[0]);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
