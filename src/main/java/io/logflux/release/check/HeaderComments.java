package io.logflux.release.check;

/** Comments in a header value (Content-Type's parameters, a mailbox of Author-email): parenthesised, nestable. */
final class HeaderComments {
    private HeaderComments() {
    }

    /** The text without (comments), which may nest; quoted strings are kept as they are (RFC 5322 3.2.2, 3.2.4). */
    static String strip(String s) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (depth == 0 && c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
