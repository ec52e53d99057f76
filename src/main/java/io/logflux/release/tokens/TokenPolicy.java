package io.logflux.release.tokens;

/**
 * When a token check warns or fails. Defaults follow the seed's "rotate every 6–12 months" and "use scoped tokens".
 *
 * @param warnAgeDays        warn when a token is older than this
 * @param failAgeDays        fail when it is older than this
 * @param expiryWarnDays     warn when its expiry is closer than this
 * @param accountWideFails   an account-wide PyPI token fails (else it warns)
 */
public record TokenPolicy(int warnAgeDays, int failAgeDays, int expiryWarnDays, boolean accountWideFails) {
    public static TokenPolicy defaults() {
        return new TokenPolicy(180, 365, 30, true);
    }
}
