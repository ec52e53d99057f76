package io.logflux.release.check;

/**
 * Python's idea of whitespace ({@code str.isspace}, {@code str.strip()}, {@code \s} in {@code re}): the 29 code
 * points below, not Java's {@link Character#isWhitespace}, which leaves out U+0085, U+00A0, U+2007 and U+202F.
 * Rules that mirror a Python parser use these, so that the same text splits the same way.
 */
final class PythonText {
    private PythonText() {
    }

    static boolean isSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000b', '\u000c', '\r', '\u001c', '\u001d', '\u001e', '\u001f', ' ', '\u0085',
                 '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200a';
        };
    }

    static String strip(String s) {
        return stripTrailing(s.substring(firstNonSpace(s)));
    }

    static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The index of the first character that is not whitespace; the length when there is none. */
    static int firstNonSpace(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
