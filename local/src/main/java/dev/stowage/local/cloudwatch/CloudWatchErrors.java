package dev.stowage.local.cloudwatch;

import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import java.util.Map;

/**
 * CloudWatch's errors by their query-protocol codes (what {@code AwsErrorDetails.errorCode()} and botocore's {@code
 * Error.Code} report), and the shape each travels as in RPC v2 CBOR and JSON 1.0 ({@code __type}, which picks the
 * SDK's exception class), with the code repeated in {@code x-amzn-query-error} (CloudWatch is query-compatible).
 * Constraint violations are {@code ValidationError} in CloudWatch's words and travel as the SDK's {@code
 * ValidationException}. The answers of the front door (signatures, unknown operations) have JSON-style codes, which
 * the query protocol words as AWS's query services do.
 */
final class CloudWatchErrors {
    private static final Map<String, String> SHAPES = Map.of(
            "ValidationError", "ValidationException",
            "InvalidParameterValue", "InvalidParameterValueException",
            "MissingParameter", "MissingRequiredParameterException",
            "InvalidParameterCombination", "InvalidParameterCombinationException",
            "InvalidNextToken", "InvalidNextToken",
            "LimitExceeded", "LimitExceededFault",
            "ResourceNotFound", "ResourceNotFound");

    private static final Map<String, String> QUERY_CODES = Map.of(
            "UnknownOperationException", "InvalidAction",
            "InvalidSignatureException", "SignatureDoesNotMatch",
            "IncompleteSignatureException", "IncompleteSignature",
            "MissingAuthenticationTokenException", "MissingAuthenticationToken",
            "UnrecognizedClientException", "InvalidClientTokenId",
            "SerializationException", "MalformedInput");

    private CloudWatchErrors() {}

    /** The shape name an error code travels as; codes CloudWatch has no shape for travel as themselves. */
    static String shapeOf(String code) {
        return SHAPES.getOrDefault(code, code);
    }

    /** The code an error has on the query protocol. */
    static String queryCode(String code) {
        return QUERY_CODES.getOrDefault(code, code);
    }

    /** {@code Sender} for a client error, {@code Receiver} for a server error. */
    static String fault(WireError error) {
        return error.status() >= 500 ? "Receiver" : "Sender";
    }

    /** The header query-compatible clients read an error's code from: {@code <code>;<fault>}. */
    static Map<String, String> queryErrorHeader(WireError error) {
        return Map.of("x-amzn-query-error", error.code() + ";" + fault(error));
    }

    static WireException validation(String message) {
        return new WireError("ValidationError", message, 400).exception();
    }

    static WireException invalidValue(String message) {
        return new WireError("InvalidParameterValue", message, 400).exception();
    }

    static WireException missing(String parameter) {
        return new WireError("MissingParameter", "The parameter " + parameter + " is required.", 400).exception();
    }

    static WireException combination(String message) {
        return new WireError("InvalidParameterCombination", message, 400).exception();
    }

    static WireException invalidNextToken() {
        return new WireError("InvalidNextToken", "The specified NextToken is not valid.", 400).exception();
    }
}
