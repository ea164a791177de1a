package dev.stowage.wire.sigv4;

import dev.stowage.wire.protocol.WireError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request,
 * SignedHeaders=<a;b>, Signature=<hex>} header.
 */
record Authorization(
        String accessKeyId,
        String date,
        String region,
        String service,
        String terminator,
        List<String> signedHeaders,
        String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** The credential scope: {@code <date>/<region>/<service>/aws4_request}. */
    String scope() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }

    static Authorization parse(String header) {
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!algorithm.equals(ALGORITHM)) {
            throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'.", header);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : trimmed.substring(space + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!parts.containsKey(name)) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (!missing.isEmpty()) {
            throw incomplete(missing.toString().strip(), header);
        }
        String[] credential = parts.get("Credential").split("/", -1);
        if (credential.length != 5) {
            throw incomplete(
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                            + " got '" + parts.get("Credential") + "'",
                    header);
        }
        List<String> signed = new ArrayList<>(List.of(parts.get("SignedHeaders").split(";")));
        return new Authorization(
                credential[0],
                credential[1],
                credential[2],
                credential[3],
                credential[4],
                List.copyOf(signed),
                parts.get("Signature"));
    }

    private static RuntimeException incomplete(String reason, String header) {
        return new WireError("IncompleteSignatureException", reason + " Authorization=" + header, 400).exception();
    }
}
