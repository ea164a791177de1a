package dev.stowage.local.app;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Chooses the {@link LocalApplication} to run among those registered with {@link ServiceLoader}. */
public final class LocalApplications {
    private LocalApplications() {}

    /** The registered application with the highest priority. */
    public static LocalApplication discover() {
        return choose(ServiceLoader.load(LocalApplication.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    /**
     * The candidate with the highest priority.
     *
     * @throws NoApplicationException when there is none, or when several share the highest priority
     */
    public static LocalApplication choose(List<LocalApplication> candidates) {
        if (candidates.isEmpty()) {
            throw new NoApplicationException("no LocalApplication is registered: local mode has no handlers to run."
                    + " Register an implementation of " + LocalApplication.class.getName() + " in META-INF/services/"
                    + LocalApplication.class.getName());
        }
        List<LocalApplication> sorted = candidates.stream()
                .sorted(Comparator.comparingInt(LocalApplication::priority).reversed())
                .toList();
        if (sorted.size() > 1 && sorted.get(0).priority() == sorted.get(1).priority()) {
            throw new NoApplicationException("several LocalApplications share the highest priority: "
                    + sorted.stream()
                            .filter(app -> app.priority() == sorted.getFirst().priority())
                            .map(LocalApplication::name)
                            .toList());
        }
        return sorted.getFirst();
    }

    /** No single application to run; the message says what to register. */
    public static final class NoApplicationException extends IllegalStateException {
        NoApplicationException(String message) {
            super(message);
        }
    }
}
