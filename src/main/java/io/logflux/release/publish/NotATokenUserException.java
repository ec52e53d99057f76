package io.logflux.release.publish;

import io.logflux.release.ReleaseException;

/** A user name other than {@code __token__} for PyPI or TestPyPI, which accept only API tokens. */
public final class NotATokenUserException extends ReleaseException {
    private final String username;

    NotATokenUserException(String username, String source) {
        super("The user name '" + username + "' from " + source + " is not __token__, but PyPI accepts only API "
                + "tokens (user name __token__). Give the token with the user name __token__, or none.");
        this.username = username;
    }

    /** The refused user name (not a secret: it is not the password). */
    public String username() {
        return username;
    }

    @Override
    public String reason() {
        return "token";
    }
}
