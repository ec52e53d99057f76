package io.logflux.release.check;

/**
 * One thing wrong with a built file (or with the batch of files).
 *
 * @param severity    whether it stops the upload
 * @param rule        a stable identifier of the rule, listed in docs/check.md (e.g. {@code wheel.record-hash})
 * @param message     what is wrong and what to do, naming the file and archive member concerned
 * @param pypiRefuses whether PyPI itself would refuse the upload for this; false for warnings and for the errors
 *                    where {@code check} is deliberately stricter than PyPI (their message says so: "PyPI accepts
 *                    this; …")
 */
public record Finding(Severity severity, String rule, String message, boolean pypiRefuses) {
    /** An error PyPI refuses the upload for as well. */
    public static Finding error(String rule, String message) {
        return new Finding(Severity.ERROR, rule, message, true);
    }

    /** An error PyPI would not refuse the upload for: {@code check} is stricter, and the message says why. */
    public static Finding stricter(String rule, String message) {
        return new Finding(Severity.ERROR, rule, message, false);
    }

    public static Finding warning(String rule, String message) {
        return new Finding(Severity.WARNING, rule, message, false);
    }
}
