/** What an instance offers: detected from nvidia-smi or neuron-ls, or simulated from an instance type. */
@NullMarked
package dev.stowage.host.capacity;

import org.jspecify.annotations.NullMarked;
