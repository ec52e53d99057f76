package io.logflux.release.pipeline;

import java.time.Duration;

/** How one phase went: done, skipped (and why), with its time and a one-line summary. */
public record PhaseResult(Phase phase, Status status, Duration time, String detail) {
    public enum Status { DONE, SKIPPED, FAILED }
}
