package io.logflux.release.check;

/**
 * One thing wrong with a built file (or with the batch of files).
 *
 * @param severity whether it stops the upload
 * @param rule     a stable identifier of the rule, listed in docs/check.md (e.g. {@code wheel.record-hash})
 * @param message  what is wrong and what to do, naming the file and archive member concerned
 */
public record Finding(Severity severity, String rule, String message) {
    public static Finding error(String rule, String message) {
        return new Finding(Severity.ERROR, rule, message);
    }

    public static Finding warning(String rule, String message) {
        return new Finding(Severity.WARNING, rule, message);
    }
}
