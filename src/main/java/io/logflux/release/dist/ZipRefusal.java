package io.logflux.release.dist;

/**
 * Why {@link ZipLayout} refuses an archive, before the file name is attached: the rule (listed in docs/check.md),
 * the problem in warehouse's words where PyPI has them ({@code warehouse/utils/zipfiles.py}), and what was found.
 */
final class ZipRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** Not a zip at all, or cut short: the rule {@code archive.corrupt}. */
    static final String CORRUPT = "archive.corrupt";
    /** Over one of the reading limits: the rule {@code archive.limits}. */
    static final String LIMITS = "archive.limits";

    private final String rule;
    private final String problem;
    private final String detail;

    ZipRefusal(String rule, String problem, String detail) {
        super(problem + (detail.isEmpty() ? "" : " (" + detail + ")"), null, false, false);
        this.rule = rule;
        this.problem = problem;
        this.detail = detail;
    }

    static ZipRefusal corrupt(String problem) {
        return new ZipRefusal(CORRUPT, problem, "");
    }

    static ZipRefusal limit(String problem) {
        return new ZipRefusal(LIMITS, problem, "");
    }

    String rule() {
        return rule;
    }

    String problem() {
        return problem;
    }

    String detail() {
        return detail;
    }
}
