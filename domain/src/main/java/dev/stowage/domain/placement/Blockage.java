package dev.stowage.domain.placement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Says why copies of a component stay pending when nothing can be done about it. */
final class Blockage {
    private Blockage() {}

    static String neverFits(String ic, int pending, Resources demand, Resources instance) {
        List<String> beyond = new ArrayList<>();
        if (demand.devices() > instance.devices()) {
            beyond.add(instance.devices() + " accelerator devices");
        }
        if (demand.milliCores() > instance.milliCores()) {
            beyond.add(Resources.cores(instance.milliCores()) + " cores");
        }
        if (demand.memoryMib() > instance.memoryMib()) {
            beyond.add(instance.memoryMib() + " MiB");
        }
        return pending(ic, pending) + ": needs " + demand.describe() + " per copy; an instance of this type has at"
                + " most " + String.join(", ", beyond) + " allocatable, so a copy can never fit one instance";
    }

    static String maxReached(String ic, int pending, Resources demand, Collection<Host> running, int max) {
        return pending(ic, pending) + ": needs " + demand.describe() + " per copy; " + shortfall(demand, running)
                + "; MaxInstanceCount " + max + " reached";
    }

    private static String shortfall(Resources demand, Collection<Host> running) {
        if (running.isEmpty()) {
            return "no instance is running";
        }
        int devices = 0;
        long milli = 0;
        long memory = 0;
        for (Host host : running) {
            devices = Math.max(devices, host.freeDevices());
            milli = Math.max(milli, host.freeMilli());
            memory = Math.max(memory, host.freeMemory());
        }
        List<String> parts = new ArrayList<>();
        if (demand.devices() > devices) {
            parts.add(devices + (devices == 1 ? " free accelerator device" : " free accelerator devices"));
        }
        if (demand.memoryMib() > memory) {
            parts.add(memory + " MiB of free memory");
        }
        if (demand.milliCores() > milli) {
            parts.add(Resources.cores(milli) + " free cores");
        }
        return parts.isEmpty()
                ? "no instance has all of it free at once"
                : "instances have at most " + String.join(", ", parts);
    }

    private static String pending(String ic, int pending) {
        return pending + (pending == 1 ? " copy of " : " copies of ") + ic + " pending";
    }
}
