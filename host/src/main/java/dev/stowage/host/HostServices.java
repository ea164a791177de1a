package dev.stowage.host;

import dev.stowage.host.copies.CopyTable;

/** What every copy on a host shares. */
record HostServices(HostConfig config, FleetPort fleet, CopyLoader loader, CopyTable table) {}
