package dev.stowage.host;

import dev.stowage.host.runtime.RunningModel;

/** How loading one copy ended. */
sealed interface LoadOutcome {

    /** The runtime answers {@code /ping} with 200; {@code coldStart} says where the time went. */
    record Loaded(RunningModel model, ColdStart coldStart) implements LoadOutcome {}

    /** The copy cannot serve; {@code reason} is what the copy's failure report says. */
    record Failed(String reason) implements LoadOutcome {}
}
