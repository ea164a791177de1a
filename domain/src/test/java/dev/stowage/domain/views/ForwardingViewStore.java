package dev.stowage.domain.views;

import java.util.List;
import java.util.Optional;

/** A {@link ViewStore} that passes every call on; tests override one method to inject a race. */
class ForwardingViewStore implements ViewStore {
    private final ViewStore delegate;

    ForwardingViewStore(ViewStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<ViewRow> get(ViewKind kind, String name) {
        return delegate.get(kind, name);
    }

    @Override
    public StreamView load(String stream) {
        return delegate.load(stream);
    }

    @Override
    public boolean put(ViewRow row, long expectedLastVersion) {
        return delegate.put(row, expectedLastVersion);
    }

    @Override
    public boolean delete(String stream, long expectedLastVersion, long appliedVersion) {
        return delegate.delete(stream, expectedLastVersion, appliedVersion);
    }

    @Override
    public List<ViewRow> list(ViewKind kind) {
        return delegate.list(kind);
    }
}
