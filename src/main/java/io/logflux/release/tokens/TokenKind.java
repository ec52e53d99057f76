package io.logflux.release.tokens;

import io.logflux.release.ReleaseException;

import java.util.Locale;

/** Which service a token is for. */
public enum TokenKind {
    PYPI("pypi.org"), TESTPYPI("test.pypi.org"), GITHUB(null);

    private final String macaroonLocation;

    TokenKind(String macaroonLocation) {
        this.macaroonLocation = macaroonLocation;
    }

    String macaroonLocation() {
        return macaroonLocation;
    }

    public static TokenKind parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "pypi" -> PYPI;
            case "testpypi", "test-pypi" -> TESTPYPI;
            case "github" -> GITHUB;
            default -> throw new ReleaseException("Unknown token kind '" + text + "': use pypi, testpypi or github.");
        };
    }
}
