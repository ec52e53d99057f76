package io.logflux.release.dist;

/** Archive member names as they appear in messages: quoted and cut short, so a hostile name cannot flood the output. */
public final class QuotedNames {
    static final int MAX_SHOWN = 200;

    private QuotedNames() {
    }

    /** {@code 'name'}, with names over 200 characters cut to their first 200 and an ellipsis. */
    public static String quote(String name) {
        if (name.length() <= MAX_SHOWN) {
            return "'" + name + "'";
        }
        int end = Character.isHighSurrogate(name.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
        return "'" + name.substring(0, end) + "…'";
    }
}
