package io.logflux.release.dist;

/**
 * A wheel or zip sdist whose ZIP layout is refused: damaged, over a reading limit, or framed in a way PyPI refuses
 * (https://docs.pypi.org/archives). {@link #rule()} is the check rule that names it; the message names the file,
 * the problem in PyPI's words, and what to do.
 */
public final class InvalidZipException extends InvalidDistributionException {
    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String problem;

    InvalidZipException(String fileName, String kind, ZipRefusal refusal) {
        super(message(fileName, kind, refusal));
        this.rule = refusal.rule();
        this.problem = refusal.problem();
    }

    /** The check rule, e.g. {@code zip.trailing-data}, {@code archive.limits} or {@code archive.corrupt}. */
    public String rule() {
        return rule;
    }

    /** The problem alone, in warehouse's words where it has them (e.g. "Trailing data"). */
    public String problem() {
        return problem;
    }

    private static String message(String fileName, String kind, ZipRefusal refusal) {
        String found = refusal.getMessage();
        return switch (refusal.rule()) {
            case ZipRefusal.CORRUPT -> "'" + fileName + "' is not a valid " + kind + " (zip): " + found
                    + ". It may be truncated. Rebuild it with python -m build.";
            case ZipRefusal.LIMITS -> "'" + fileName + "': " + found + ". Rebuild it with python -m build; a " + kind
                    + " this large is not what a build backend writes.";
            default -> "'" + fileName + "': ZIP archive not accepted: " + found + ". PyPI refuses this framing "
                    + "(https://docs.pypi.org/archives); rebuild the " + kind + " with a standard tool: python -m build.";
        };
    }
}
