package dev.stowage.host.logs;

import java.nio.file.Path;

/**
 * Ships the lines of copy logs somewhere besides their file (DESIGN §6.5). The file stays the source: whatever
 * writes to it (the host, in-process runtimes, child processes) is shipped. Shipping never blocks or fails the copy.
 */
public interface CopyLogSink {

    /** Local mode: the file is the whole log. */
    CopyLogSink LOCAL_ONLY = (inferenceComponent, copyId, file) -> () -> {};

    /**
     * Ships the lines appended to {@code file} from now on, as the log of {@code copyId} of {@code
     * inferenceComponent}. Closing the returned handle ships what is left and stops following the file.
     */
    Following follow(String inferenceComponent, String copyId, Path file);

    /** One followed log. */
    interface Following extends AutoCloseable {
        @Override
        void close();
    }
}
