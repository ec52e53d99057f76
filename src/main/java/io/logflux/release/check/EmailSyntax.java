package io.logflux.release.check;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The e-mail address check warehouse makes on Author-email and Maintainer-email: forklift/metadata.py lines
 * 148-160 call {@code email_validator.validate_email(address, check_deliverability=False)}, with email-validator 2.3.0
 * (the version pypi/warehouse requirements/main.txt pins) and its defaults otherwise: internationalized characters
 * allowed, no quoted local part, no domain literal, no display name, globally deliverable, not a test environment.
 * Mirrored from email_validator/syntax.py at v2.3.0 (validate_email_local_part, check_dot_atom,
 * validate_email_domain_name lines 498-645) and the SPECIAL_USE_DOMAIN_NAMES of email_validator/__init__.py
 * (lines 47-103). The messages are email-validator's. Internationalized domains are converted with Java's IDNA
 * (IDNA 2003) where email-validator uses the idna package (IDNA 2008): the two may differ on rare characters.
 */
final class EmailSyntax {
    /** email_validator/__init__.py SPECIAL_USE_DOMAIN_NAMES at v2.3.0: an address at one of these, or under one, fails. */
    static final List<String> SPECIAL_USE_DOMAIN_NAMES = List.of("arpa", "invalid", "local", "localhost", "onion", "test");
    /** rfc_constants.py: ATEXT, the characters of a dot-atom besides '.'; non-ASCII is allowed too (SMTPUTF8). */
    private static final String ATEXT_SPECIALS = "_!#$%&'*+-/=?^`{|}~";
    private static final int EMAIL_MAX_LENGTH = 254;
    private static final int DOMAIN_MAX_LENGTH = 253;
    private static final int DNS_LABEL_LENGTH_LIMIT = 63;

    private EmailSyntax() {
    }

    /** Why email-validator refuses the address, in its words, or empty when it accepts it. */
    static Optional<String> problem(String address) {
        int at = address.indexOf('@');
        if (at < 0) {
            return Optional.of("An email address must have an @-sign.");
        }
        String local = address.substring(0, at);
        if (local.startsWith("\"")) {
            return Optional.of("Quoting the part before the @-sign is not allowed here.");
        }
        if (address.length() == at + 1) {
            return Optional.of("There must be something after the @-sign.");
        }
        if (address.charAt(at + 1) == '[') {
            return Optional.of("A bracketed IP address after the @-sign is not allowed here.");
        }
        Optional<String> localProblem = localPart(local);
        if (localProblem.isPresent()) {
            return localProblem;
        }
        return domain(address.substring(at + 1), local.length());
    }

    private static Optional<String> localPart(String local) {
        if (local.isEmpty()) {
            return Optional.of("There must be something before the @-sign.");
        }
        String bad = badCharacters(local, Allowed.LOCAL_PART);
        if (!bad.isEmpty()) {
            return Optional.of("The email address contains invalid characters before the @-sign: " + bad + ".");
        }
        Optional<String> unsafe = unsafeCharacters(local);
        if (unsafe.isPresent()) {
            return unsafe;
        }
        return dotAtom(local, "An email address cannot start with a %s.",
                "An email address cannot have a %s immediately before the @-sign.", false);
    }

    /** The domain's problem, if any; the whole address's length is checked last, on the domain's ASCII form. */
    private static Optional<String> domain(String raw, int localLength) {
        String bad = badCharacters(raw, Allowed.HOSTNAME);
        if (!bad.isEmpty()) {
            return Optional.of("The part after the @-sign contains invalid characters: " + bad + ".");
        }
        Optional<String> unsafe = unsafeCharacters(raw);
        if (unsafe.isPresent()) {
            return unsafe;
        }
        String domain = raw.toLowerCase(Locale.ROOT);
        Optional<String> atom = dotAtom(domain, "An email address cannot have a %s immediately after the @-sign.",
                "An email address cannot end with a %s.", true);
        if (atom.isPresent()) {
            return atom;
        }
        for (String label : domain.split("\\.")) {
            // re.match(r"(?!xn)..--", label, re.I)
            if (label.length() >= 4 && label.startsWith("--", 2) && !label.regionMatches(true, 0, "xn", 0, 2)) {
                return Optional.of("An email address cannot have two letters followed by two dashes immediately "
                        + "after the @-sign or after a period, except Punycode.");
            }
        }
        String ascii;
        try {
            ascii = asciiDomain(domain);
        } catch (IllegalArgumentException e) {
            return Optional.of("The part after the @-sign is invalid (" + e.getMessage() + ").");
        }
        if (ascii.length() > DOMAIN_MAX_LENGTH) {
            return Optional.of("The email address is too long after the @-sign (" + (ascii.length()
                    - DOMAIN_MAX_LENGTH) + " characters too many).");
        }
        for (String label : ascii.split("\\.")) {
            if (label.length() > DNS_LABEL_LENGTH_LIMIT) {
                return Optional.of("After the @-sign, periods cannot be separated by so many characters ("
                        + (label.length() - DNS_LABEL_LENGTH_LIMIT) + " characters too many).");
            }
        }
        if (!ascii.contains(".")) {
            return Optional.of("The part after the @-sign is not valid. It should have a period.");
        }
        char last = ascii.charAt(ascii.length() - 1);
        if (!(last >= 'a' && last <= 'z')) {
            return Optional.of("The part after the @-sign is not valid. It is not within a valid top-level domain.");
        }
        for (String special : SPECIAL_USE_DOMAIN_NAMES) {
            if (ascii.equals(special) || ascii.endsWith("." + special)) {
                return Optional.of("The part after the @-sign is a special-use or reserved name that cannot be "
                        + "used with email.");
            }
        }
        if (localLength + 1 + ascii.length() > EMAIL_MAX_LENGTH) {
            return Optional.of("The email address is too long (" + (localLength + 1 + ascii.length()
                    - EMAIL_MAX_LENGTH) + " characters too many).");
        }
        return Optional.empty();
    }

    /** check_dot_atom: no '.' at either end nor two in a row; for a host name, no '-' at a label's end either. */
    private static Optional<String> dotAtom(String text, String start, String end, boolean hostname) {
        if (text.endsWith(".")) {
            return Optional.of(end.replace("%s", "period"));
        }
        if (text.startsWith(".")) {
            return Optional.of(start.replace("%s", "period"));
        }
        if (text.contains("..")) {
            return Optional.of("An email address cannot have two periods in a row.");
        }
        if (hostname) {
            if (text.endsWith("-")) {
                return Optional.of(end.replace("%s", "hyphen"));
            }
            if (text.startsWith("-")) {
                return Optional.of(start.replace("%s", "hyphen"));
            }
            if (text.contains(".-") || text.contains("-.")) {
                return Optional.of("An email address cannot have a period and a hyphen next to each other.");
            }
        }
        return Optional.empty();
    }

    private static String asciiDomain(String domain) {
        for (int i = 0; i < domain.length(); i++) {
            if (domain.charAt(i) >= 0x80) {
                return IDN.toASCII(domain, 0).toLowerCase(Locale.ROOT);
            }
        }
        return domain;
    }

    /** check_unsafe_chars: non-ASCII spaces, separators, controls and format characters (such as U+200B). */
    private static Optional<String> unsafeCharacters(String text) {
        String bad = badCharacters(text, Allowed.SAFE);
        return bad.isEmpty() ? Optional.empty()
                : Optional.of("The email address contains unsafe characters: " + bad + ".");
    }

    private static boolean isUnsafe(int c) {
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.CONTROL || type == Character.FORMAT
                || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private enum Allowed { LOCAL_PART, HOSTNAME, SAFE }

    /** The characters of text not allowed, each shown once, sorted as email-validator lists them. Plain loops: this
     *  runs on a cold JVM, where streams and lambdas would cost more than the check. */
    private static String badCharacters(String text, Allowed allowed) {
        TreeSet<String> bad = new TreeSet<>();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean ok = switch (allowed) {
                case LOCAL_PART -> isAtext(c) || c == '.';
                case HOSTNAME -> isHostnameCharacter(c);
                case SAFE -> c < 0x80 || !isUnsafe(c);
            };
            if (!ok) {
                bad.add(display(c));
            }
        }
        return String.join(", ", bad);
    }

    /** ATEXT_HOSTNAME_INTL: ASCII letters, digits, '-' and '.', or any non-ASCII character but spaces and controls. */
    private static boolean isHostnameCharacter(int c) {
        return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                || c == '.';
    }

    private static boolean isAtext(int c) {
        return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || ATEXT_SPECIALS.indexOf(c) >= 0;
    }

    /** safe_character_display: a visible character quoted, any other by its Unicode name. */
    private static String display(int c) {
        boolean visible = c > ' ' && c != 0x7f && !(c >= 0x80 && (isUnsafe(c) || Character.isWhitespace(c)));
        if (visible) {
            return "'" + new String(Character.toChars(c)) + "'";
        }
        String name = Character.getName(c);
        return name != null ? name : String.format("U+%04X", c);
    }
}
