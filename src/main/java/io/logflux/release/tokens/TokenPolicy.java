package io.logflux.release.tokens;

/**
 * When a token check warns or fails. Defaults follow the seed's "rotate every 6–12 months" and "use scoped tokens";
 * the constants are what the command line's and the step's defaults are made of.
 *
 * @param warnAgeDays        warn when a token is older than this
 * @param failAgeDays        fail when it is older than this
 * @param expiryWarnDays     warn when its expiry is closer than this
 * @param accountWideFails   an account-wide PyPI token fails (else it warns)
 */
public record TokenPolicy(int warnAgeDays, int failAgeDays, int expiryWarnDays, boolean accountWideFails) {
    public static final int DEFAULT_WARN_AGE_DAYS = 180;
    public static final int DEFAULT_FAIL_AGE_DAYS = 365;
    public static final int DEFAULT_EXPIRY_WARN_DAYS = 30;
    /** What an account-wide token does unless told "warn". */
    public static final String DEFAULT_ACCOUNT_WIDE = "fail";

    public static TokenPolicy defaults() {
        return new TokenPolicy(DEFAULT_WARN_AGE_DAYS, DEFAULT_FAIL_AGE_DAYS, DEFAULT_EXPIRY_WARN_DAYS, true);
    }

    /** @param accountWide "warn" (any case) lets an account-wide PyPI token pass with a warning; anything else fails */
    public static TokenPolicy of(int warnAgeDays, int failAgeDays, int expiryWarnDays, String accountWide) {
        return new TokenPolicy(warnAgeDays, failAgeDays, expiryWarnDays, !"warn".equalsIgnoreCase(accountWide));
    }
}
