package io.logflux.release.check;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Description-Content-Type value read the way packaging reads it: packaging assigns the value to the content-type
 * header of a Python {@code email.message.EmailMessage} and asks for {@code get_content_type()} and {@code params}
 * (src/packaging/metadata.py lines 618-625 at 26.2). That parser is lenient, and its leniencies decide verdicts, so
 * the ones observed with CPython's email package are kept:
 * <ul>
 * <li>a value that starts with a special character (a comment, a quote) is taken whole as the type;</li>
 * <li>a value that does not start with {@code type/subtype}, or where a special character such as ',' or '/' follows
 * the subtype, is "unparseable" and yields the default type text/plain;</li>
 * <li>spaces around the '/' stay in the type ("text / markdown"), which is then no type PyPI knows;</li>
 * <li>a word after the subtype (separated by whitespace) makes the whole text before ';' the type, which is then no
 * type PyPI knows;</li>
 * <li>parameter names are case-insensitive, values are not; the first of two equal names wins; a parameter without
 * '=' has the value ""; one whose name holds a space or whose value is empty or starts with a character a value
 * may not start with (such as a quote ') is dropped; a quoted value is unquoted; {@code name*=charset''value}
 * (RFC 2231) is decoded; comments in parentheses are ignored.</li>
 * </ul>
 */
record ContentTypeHeader(String type, Map<String, String> params) {
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";
    /** Characters that end a parameter name or unquoted value in Python's parser, besides tspecials and spaces. */
    private static final String ATTRIBUTE_SPECIALS = "*'%";

    static ContentTypeHeader parse(String value) {
        int i = skipSpace(value, 0);
        int typeEnd = tokenEnd(value, i, "");
        if (typeEnd == i && i < value.length()) {
            return new ContentTypeHeader(value.strip().toLowerCase(Locale.ROOT), Map.of());
        }
        int slash = skipSpace(value, typeEnd);
        if (typeEnd == i || slash >= value.length() || value.charAt(slash) != '/') {
            return unparseable();
        }
        int subtypeStart = skipSpace(value, slash + 1);
        int subtypeEnd = tokenEnd(value, subtypeStart, "");
        if (subtypeEnd == subtypeStart) {
            return unparseable();
        }
        // Spaces around the '/' stay in the type Python returns, which is then no type PyPI knows.
        String type = value.substring(i, subtypeEnd).toLowerCase(Locale.ROOT);
        int semicolon = indexOfUnquoted(value, ';', subtypeEnd);
        String between = value.substring(subtypeEnd, semicolon < 0 ? value.length() : semicolon);
        String rest = HeaderComments.strip(between).strip();
        if (!rest.isEmpty()) {
            if (!Character.isWhitespace(between.charAt(0)) || TSPECIALS.indexOf(rest.charAt(0)) >= 0) {
                return unparseable();
            }
            type = (value.substring(i, subtypeEnd) + between).strip().toLowerCase(Locale.ROOT);
        }
        Map<String, String> params = new LinkedHashMap<>();
        while (semicolon >= 0) {
            int next = indexOfUnquoted(value, ';', semicolon + 1);
            parameter(value.substring(semicolon + 1, next < 0 ? value.length() : next), params);
            semicolon = next;
        }
        return new ContentTypeHeader(type, params);
    }

    private static ContentTypeHeader unparseable() {
        return new ContentTypeHeader("text/plain", Map.of());
    }

    private static void parameter(String text, Map<String, String> params) {
        String segment = HeaderComments.strip(text).strip();
        if (segment.isEmpty()) {
            return;
        }
        int equals = segment.indexOf('=');
        String name = (equals < 0 ? segment : segment.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
        boolean extended = name.endsWith("*");
        String bareName = extended ? name.substring(0, name.length() - 1) : name;
        if (bareName.isEmpty() || tokenEnd(bareName, 0, ATTRIBUTE_SPECIALS) != bareName.length()) {
            return;
        }
        String raw = equals < 0 ? "" : segment.substring(equals + 1).strip();
        String parsed;
        if (equals < 0) {
            parsed = "";
        } else if (raw.startsWith("\"")) {
            parsed = unquote(raw);
        } else {
            int end = tokenEnd(raw, 0, extended ? "*%" : ATTRIBUTE_SPECIALS);
            if (end == 0) {
                return;
            }
            parsed = extended ? decodeExtended(raw.substring(0, tokenEnd(raw, 0, ""))) : raw.substring(0, end);
        }
        params.putIfAbsent(bareName, parsed);
    }

    /** RFC 2231: charset'language'percent-encoded-value. */
    private static String decodeExtended(String raw) {
        String[] parts = raw.split("'", 3);
        if (parts.length < 3) {
            return raw;
        }
        Charset charset;
        try {
            charset = parts[0].isEmpty() ? StandardCharsets.US_ASCII : Charset.forName(parts[0]);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            charset = StandardCharsets.US_ASCII;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = parts[2];
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && isHex(encoded, i + 1) && isHex(encoded, i + 2)) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(charset);
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static String unquote(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the token starting at i: up to a space, a control character, a tspecial or one of extraEnds. */
    private static int tokenEnd(String s, int i, String extraEnds) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || TSPECIALS.indexOf(c) >= 0 || extraEnds.indexOf(c) >= 0) {
                break;
            }
            i++;
        }
        return i;
    }

    private static int indexOfUnquoted(String s, char wanted, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
