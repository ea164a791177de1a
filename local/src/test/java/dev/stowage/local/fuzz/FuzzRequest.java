package dev.stowage.local.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One request the fuzzer sends, with what it expects: {@code rejected} means that it knows the request breaks the
 * service model (or the protocol) and so must get a 4xx; otherwise any answer but a 5xx will do.
 *
 * @param index the request's number in the run: with the seed, all it takes to make it again
 * @param operation what it calls, e.g. {@code SageMaker.CreateModel}, {@code InvokeEndpoint}
 * @param wire the protocol it speaks, which its errors must speak too
 * @param base the port it goes to
 * @param method the HTTP method
 * @param path the raw path with its query string, if any
 * @param headers the headers, signed unless {@code fault} says otherwise
 * @param unsigned headers sent beside them that the signature does not cover
 * @param body the body
 * @param signingName the service name it is signed for
 * @param fault what is wrong with its signature
 * @param overSocket whether it goes over a plain socket, written as it is (for what the JDK's client refuses to send)
 * @param rejected whether it must be refused
 * @param writes whether it calls an operation that writes events when it succeeds
 * @param rerouted whether a mutation may have sent it to another protocol's handler, whose error format then holds
 * @param mutations what was done to it, in order
 */
record FuzzRequest(
        long index,
        String operation,
        Wire wire,
        URI base,
        String method,
        String path,
        List<Header> headers,
        List<Header> unsigned,
        byte[] body,
        String signingName,
        SigningFault fault,
        boolean overSocket,
        boolean rejected,
        boolean writes,
        boolean rerouted,
        List<String> mutations) {

    /** What a failure report shows of the request: enough to read it, and to send it again by hand. */
    String describe() {
        StringBuilder out = new StringBuilder();
        out.append("#")
                .append(index)
                .append(' ')
                .append(operation)
                .append(" (")
                .append(wire)
                .append(", ");
        out.append(rejected ? "must be refused" : "may succeed")
                .append(", signature ")
                .append(fault);
        out.append(overSocket ? ", over a socket" : "").append(")\n");
        out.append("  mutations: ").append(mutations).append('\n');
        out.append("  ")
                .append(method)
                .append(' ')
                .append(base)
                .append(clip(path, 300))
                .append('\n');
        headers.forEach(h -> out.append("  ")
                .append(h.name())
                .append(": ")
                .append(clip(h.value(), 300))
                .append('\n'));
        unsigned.forEach(h -> out.append("  (unsigned) ")
                .append(h.name())
                .append(": ")
                .append(clip(h.value(), 300))
                .append('\n'));
        out.append("  body (").append(body.length).append(" bytes): ").append(bodyText());
        return out.toString();
    }

    private String bodyText() {
        String text = new String(body, StandardCharsets.UTF_8);
        boolean printable = text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
        return printable && text.indexOf('\uFFFD') < 0
                ? clip(text, 2000)
                : "base64:" + clip(Base64.getEncoder().encodeToString(body), 2000);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
