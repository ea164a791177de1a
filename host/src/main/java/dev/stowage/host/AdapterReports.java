package dev.stowage.host;

import dev.stowage.domain.fleet.CopyAdapter;
import dev.stowage.host.runtime.CopyLog;

/**
 * Tells the fleet of one copy's adapters ({@link CopyAdapters}); each report is idempotent, and one the control plane
 * did not take is logged and answered false, so it is sent again.
 */
final class AdapterReports implements CopyAdapters.Reports {
    private final HostServices services;
    private final String copyId;
    private final CopyLog log;

    AdapterReports(HostServices services, String copyId, CopyLog log) {
        this.services = services;
        this.copyId = copyId;
        this.log = log;
    }

    @Override
    public boolean loaded(CopyAdapter adapter) {
        HostConfig c = services.config();
        return report("loaded " + adapter.adapterName(), () -> services.fleet()
                .adapterLoaded(
                        c.endpointName(), c.variantName(), copyId, adapter.adapterName(), adapter.specifiedAt()));
    }

    @Override
    public boolean failed(CopyAdapter adapter, String reason) {
        HostConfig c = services.config();
        return report("load failed " + adapter.adapterName(), () -> services.fleet()
                .adapterLoadFailed(
                        c.endpointName(),
                        c.variantName(),
                        copyId,
                        adapter.adapterName(),
                        adapter.specifiedAt(),
                        reason));
    }

    @Override
    public boolean unloaded(String adapterName) {
        HostConfig c = services.config();
        return report("unloaded " + adapterName, () -> services.fleet()
                .adapterUnloaded(c.endpointName(), c.variantName(), copyId, adapterName));
    }

    private boolean report(String what, Runnable call) {
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            log.line("could not report adapter " + what + " (will retry): " + e);
            return false;
        }
    }
}
