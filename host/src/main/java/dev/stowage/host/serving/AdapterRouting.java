package dev.stowage.host.serving;

import com.sun.net.httpserver.Headers;
import dev.stowage.domain.component.Adapters;
import dev.stowage.domain.routing.AdapterKey;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.host.copies.RoutableCopy;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Invocations of adapter inference components (issue 15, ADR 30). The adapter's name stands for the copies of its base
 * that have it loaded ({@code CopyTable.serving} and {@code RoutingDirectory.copies} answer those for it), so the
 * router picks among them by the variant's strategy and counts the invocation under the adapter's name; the base's
 * specification sets how long a request waits for capacity and how many requests a copy takes; and the copy is told
 * which adapter to apply in the header SageMaker's LMI and vLLM containers read.
 */
final class AdapterRouting {
    /** The header naming the adapter to apply, as the service sends it to its containers. */
    static final String ADAPTER_HEADER = "X-Amzn-SageMaker-Adapter-Identifier";

    private AdapterRouting() {}

    /** The component whose copies serve {@code component}: its base when it is an adapter, else itself. */
    static InferenceComponentRow runsOn(RoutingDirectory directory, InferenceComponentRow component) {
        return Adapters.base(component.specification())
                .flatMap(directory::component)
                .orElse(component);
    }

    /** The adapter to apply when {@code component} is an adapter inference component. */
    static Optional<String> adapter(InferenceComponentRow component) {
        return Adapters.base(component.specification()).map(base -> component.name());
    }

    /** The routing key of an invocation of an adapter (ADR 32), null for any other. */
    static @Nullable AdapterKey key(Target target) {
        return target.adapter().map(AdapterKey::new).orElse(null);
    }

    /** Adds the adapter header to the headers a copy gets, when the invocation is of an adapter. */
    static void tell(Target target, Map<String, String> headers) {
        target.adapter().ifPresent(adapter -> headers.put(ADAPTER_HEADER, adapter));
    }

    /** Whether {@code copy} has the adapter a forwarded request asks for (true when it asks for none). */
    static boolean hasAdapterAsked(RoutableCopy copy, Headers request) {
        String adapter = request.getFirst(ADAPTER_HEADER);
        return adapter == null || copy.hasAdapter(adapter);
    }
}
