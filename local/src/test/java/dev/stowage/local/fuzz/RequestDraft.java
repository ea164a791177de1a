package dev.stowage.local.fuzz;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A request being made: generators set its parts, mutations change them and say whether it must be refused. */
final class RequestDraft {
    final long index;
    final String operation;
    final boolean writes;
    Wire wire;
    URI base;
    String method = "POST";
    String path = "/";
    final List<Header> headers = new ArrayList<>();
    final List<Header> unsigned = new ArrayList<>();
    byte[] body = new byte[0];
    String signingName;
    SigningFault fault = SigningFault.NONE;
    boolean overSocket;
    /** Set by a mutation that breaks the protocol or the model whatever the body says. */
    boolean rejected;
    /** Set by a mutation after which the request may reach another handler than its wire's. */
    boolean rerouted;
    /** Set by a mutation after which another operation reads the body, so the model's verdict on it is unknown. */
    boolean retargeted;
    /** Whether the port checks signatures (a host's runtime port does not). */
    boolean signatureChecked = true;

    final List<String> mutations = new ArrayList<>();

    RequestDraft(long index, String operation, boolean writes, Wire wire, URI base, String signingName) {
        this.index = index;
        this.operation = operation;
        this.writes = writes;
        this.wire = wire;
        this.base = base;
        this.signingName = signingName;
    }

    RequestDraft header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    void removeHeaders(String name) {
        headers.removeIf(h -> h.named(name));
    }

    void replaceHeader(String name, String value) {
        removeHeaders(name);
        header(name, value);
    }

    /** Records a mutation; {@code refused} when it alone makes the request one that must be refused. */
    void mutated(String description, boolean refused) {
        mutations.add(description);
        rejected |= refused;
    }

    FuzzRequest build(boolean modelRejects) {
        return new FuzzRequest(
                index,
                operation,
                wire,
                base,
                method,
                path,
                List.copyOf(headers),
                List.copyOf(unsigned),
                body,
                signingName,
                fault,
                overSocket,
                rejected || modelRejects || (signatureChecked && fault != SigningFault.NONE),
                writes,
                rerouted,
                List.copyOf(mutations));
    }
}
