package io.logflux.release.jenkins;

/** How the steps' optional text parameters are stored: trimmed, and empty means "not given". */
final class StepFields {
    private StepFields() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
