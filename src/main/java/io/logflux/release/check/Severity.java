package io.logflux.release.check;

/** How much a finding matters: an error stops the upload; a warning does too under {@code --strict}. */
public enum Severity {
    ERROR,
    WARNING
}
