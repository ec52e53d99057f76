package io.logflux.release.tokens;

/** One line of the report: what was checked, about which token (its credentials id or variable), and the verdict. */
public record TokenFinding(String subject, String check, Level level, String message) {
}
