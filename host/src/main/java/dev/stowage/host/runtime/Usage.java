package dev.stowage.host.runtime;

/**
 * What a running copy uses now: CPU in cores (2.5 is two and a half cores busy) and memory in MiB (the working set:
 * the page cache the kernel can drop is not counted).
 */
public record Usage(double cores, double memoryMib) {}
