package dev.stowage.local.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Mutations of what carries a request: its signature, its {@code X-Amz-Target} (missing, twice, unknown, another
 * service's), its content type, method and path, odd and huge headers, framing the JDK's client will not send
 * ({@code Transfer-Encoding}, a {@code Content-Length} that is not a number) and bodies past API Gateway's 10 MB.
 * Each says whether it alone makes the request one that must be refused.
 */
final class TransportMutations {
    static final int MAX_BODY = 10 * 1024 * 1024;
    private static final String TARGET = "X-Amz-Target";
    private static final String RPC_PATH = "/service/GraniteServiceVersion20100801/operation/";
    private static final List<String> OTHER_TARGETS = List.of(
            "SageMaker.DescribeModel",
            "AnyScaleFrontendService.DescribeScalableTargets",
            "Stowage.DescribeInstanceTypes",
            "StowageHost.DescribeRouting",
            "GraniteServiceVersion20100801.ListMetrics");

    private final Dice dice;

    TransportMutations(Dice dice) {
        this.dice = dice;
    }

    void mutate(RequestDraft draft) {
        switch (dice.between(0, 9)) {
            case 0, 1 -> sign(draft);
            case 2 -> target(draft);
            case 3 -> contentType(draft);
            case 4 -> method(draft);
            case 5 -> path(draft);
            case 6 -> headers(draft);
            case 7 -> framing(draft);
            case 8 -> oversize(draft);
            default -> neutral(draft);
        }
    }

    /** Signs the request wrongly: every fault must be refused. */
    void sign(RequestDraft draft) {
        List<SigningFault> faults = Arrays.stream(SigningFault.values())
                .filter(f -> f != SigningFault.NONE)
                .filter(f -> f != SigningFault.TARGET_NOT_SIGNED || hasTarget(draft))
                .toList();
        draft.fault = dice.pick(faults);
        draft.mutated("signature " + draft.fault, draft.signatureChecked);
    }

    private void target(RequestDraft draft) {
        String own = draft.headers.stream()
                .filter(h -> h.named(TARGET))
                .map(Header::value)
                .findFirst()
                .orElse(null);
        if (own == null) {
            draft.header(TARGET, dice.pick(OTHER_TARGETS));
            draft.rerouted = true;
            draft.mutated("an X-Amz-Target on a request of another protocol", false);
            return;
        }
        String prefix = own.substring(0, own.indexOf('.'));
        switch (dice.between(0, 6)) {
            case 0 -> {
                draft.removeHeaders(TARGET);
                draft.rerouted = true;
                draft.mutated("no X-Amz-Target", true);
            }
            case 1 -> {
                draft.header(TARGET, own);
                draft.mutated("X-Amz-Target twice", true);
            }
            case 2 -> {
                String other = dice.pick(OTHER_TARGETS);
                draft.header(TARGET, other);
                draft.mutated("X-Amz-Target twice: " + own + " and " + other, true);
            }
            case 3 -> {
                draft.replaceHeader(TARGET, dice.pick(prefix + ".Fuzz", prefix + ".", prefix, "", own.toLowerCase()));
                draft.mutated("X-Amz-Target names no operation", true);
            }
            default -> {
                String other = dice.pick(OTHER_TARGETS);
                String otherPrefix = other.substring(0, other.indexOf('.'));
                if (otherPrefix.equals(prefix)) {
                    return;
                }
                // Another service with the same signing name, on the same path, would read the body as its own.
                boolean refused = !sameSigningName(prefix, otherPrefix) || draft.signingName.equals("execute-api");
                draft.replaceHeader(TARGET, other);
                draft.rerouted = true;
                draft.retargeted = true;
                draft.mutated("X-Amz-Target of another service: " + other, refused);
            }
        }
    }

    private static boolean sameSigningName(String prefix, String other) {
        List<String> sageMaker = List.of("SageMaker", "Stowage");
        return sageMaker.contains(prefix) && sageMaker.contains(other);
    }

    private void contentType(RequestDraft draft) {
        boolean json = draft.wire == Wire.JSON_1_1 || draft.wire == Wire.JSON_1_0;
        String type = dice.pick(
                "text/plain",
                "application/xml",
                "",
                "application/x-amz-json-1.0",
                "application/json",
                "APPLICATION/X-AMZ-JSON-1.1",
                "application/x-amz-json-1.1; charset=utf-8",
                "application/cbor",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x");
        boolean readAsJson =
                type.toLowerCase().startsWith("application/x-amz-json-1.") || type.equals("application/json");
        draft.removeHeaders("Content-Type");
        if (!type.isEmpty()) {
            draft.header("Content-Type", type);
        }
        if (draft.wire == Wire.CBOR || draft.wire == Wire.RUNTIME) {
            draft.mutated("Content-Type " + type, false);
        } else if (json) {
            draft.rerouted |= !readAsJson;
            draft.mutated("Content-Type " + type, !readAsJson);
        } else {
            boolean form = type.startsWith("application/x-www-form-urlencoded");
            draft.rerouted |= !form;
            draft.mutated("Content-Type " + type, !form);
        }
    }

    private void method(RequestDraft draft) {
        String method = dice.pick("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FUZZ", "post");
        draft.method = method;
        draft.rerouted = true;
        draft.mutated("method " + method, !method.equals("post"));
    }

    private void path(RequestDraft draft) {
        String path = dice.pick(
                "/fuzz",
                "//",
                "/host",
                "/?fuzz=1",
                "/endpoints/" + Fixture.MISSING + "/invocations",
                "/endpoints",
                "/service/GraniteServiceVersion20100801/operation/ListMetrics",
                "/stowage/metrics",
                "/%2e%2e/",
                "/" + "p".repeat(5000));
        boolean same = path.equals(draft.path) || (path.equals("/?fuzz=1") && draft.path.equals("/"));
        // On RPC v2 CBOR the path names the operation: another operation's path is a call to it, with this body.
        boolean anotherOperation = !same && draft.wire == Wire.CBOR && path.startsWith(RPC_PATH);
        draft.path = path.equals("/?fuzz=1") ? draft.path + "?fuzz=1" : path;
        draft.rerouted |= !same;
        draft.retargeted |= anotherOperation;
        draft.mutated("path " + clip(path), !same && !anotherOperation && !path.equals("/?fuzz=1"));
    }

    private void headers(RequestDraft draft) {
        switch (dice.between(0, 4)) {
            case 0 -> {
                int size = dice.pick(8 << 10, 64 << 10, 512 << 10);
                draft.header("X-Fuzz", "h".repeat(size));
                draft.mutated("a header of " + size + " bytes", false);
            }
            case 1 -> {
                int count = dice.pick(50, 250, 1000);
                for (int i = 0; i < count; i++) {
                    draft.header("X-Fuzz-" + i, "v");
                }
                draft.mutated(count + " more headers", false);
            }
            case 2 -> {
                draft.unsigned.add(new Header("X-Amz-Fuzz", "unsigned"));
                draft.mutated("an x-amz-* header the signature does not cover", draft.signatureChecked);
            }
            case 3 -> {
                draft.header("Content-Encoding", dice.pick("gzip", "br", "identity", "fuzz"));
                draft.mutated("a Content-Encoding", false);
            }
            default -> {
                draft.unsigned.add(new Header("X-Amz-Date", "20260101T000000Z"));
                draft.mutated("X-Amz-Date twice", draft.signatureChecked);
            }
        }
    }

    /** What the JDK's HTTP client will not send: it goes over a socket, as written. */
    private void framing(RequestDraft draft) {
        draft.overSocket = true;
        switch (dice.between(0, 5)) {
            case 0 -> {
                draft.header("Transfer-Encoding", "chunked");
                draft.mutated("Transfer-Encoding chunked", false);
            }
            case 1 -> {
                String coding = dice.pick("gzip", "identity", "chunked, gzip", "xchunked", "deflate, chunked");
                draft.header("Transfer-Encoding", coding);
                draft.mutated("Transfer-Encoding " + coding, !coding.equals("deflate, chunked"));
            }
            case 2 -> {
                String length = dice.pick("abc", "-1", "99999999999999999999", "1, 2", "");
                draft.header("Content-Length", length);
                draft.mutated("Content-Length '" + length + "'", true);
            }
            case 3 -> {
                draft.header("Content-Length", Integer.toString(draft.body.length));
                draft.header("Transfer-Encoding", "chunked");
                draft.mutated("Content-Length and Transfer-Encoding", true);
            }
            case 4 -> {
                draft.header("Expect", "100-continue");
                draft.mutated("Expect 100-continue", false);
            }
            default -> {
                draft.header("Connection", dice.pick("close", "upgrade", "keep-alive, fuzz"));
                draft.mutated("a Connection header", false);
            }
        }
    }

    private void oversize(RequestDraft draft) {
        if (!dice.chance(0.1)) {
            neutral(draft);
            return;
        }
        byte[] body = Arrays.copyOf(draft.body, MAX_BODY + dice.between(1, 4096));
        Arrays.fill(body, draft.body.length, body.length, (byte) ' ');
        draft.body = body;
        draft.mutated("a body past 10 MiB", true);
    }

    private void neutral(RequestDraft draft) {
        switch (dice.between(0, 2)) {
            case 0 -> {
                draft.header("User-Agent", "fuzz/" + "x".repeat(dice.between(0, 300)));
                draft.mutated("a User-Agent", false);
            }
            case 1 -> {
                draft.header("Accept", dice.pick("*/*", "application/xml", "text/html", ""));
                draft.mutated("an Accept", false);
            }
            default -> {
                draft.header("X-Amzn-Trace-Id", "Root=1-" + Long.toHexString(dice.nextLong()));
                draft.mutated("a trace id", false);
            }
        }
    }

    private static boolean hasTarget(RequestDraft draft) {
        return draft.headers.stream().anyMatch(h -> h.named(TARGET));
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…(" + text.length() + ")";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
