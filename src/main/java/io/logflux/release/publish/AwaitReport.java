package io.logflux.release.publish;

import java.time.Duration;
import java.util.List;

/** How long it took until the index served every file, and where each one is. */
public record AwaitReport(List<ServedFile> files, Duration waited, int checks) {
    public AwaitReport {
        files = List.copyOf(files);
    }
}
