package io.logflux.release.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates an SPDX license expression (PEP 639 {@code License-Expression}): identifiers from the SPDX license list
 * (case-insensitive, as packaging canonicalizes them), {@code LicenseRef-…}, {@code AND}/{@code OR}/{@code WITH},
 * parentheses. The lists are resources refreshed by scripts/refresh-spdx-lists.sh.
 */
final class SpdxExpression {
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|[A-Za-z0-9.:+-]+)");
    private static final Pattern LICENSE_REF = Pattern.compile("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+");
    private static final Map<String, String> LICENSES = load("spdx-license-ids.txt");
    private static final Map<String, String> DEPRECATED = load("spdx-license-ids-deprecated.txt");
    private static final Map<String, String> EXCEPTIONS = load("spdx-exceptions.txt");

    private final List<String> tokens;
    private int position;

    private SpdxExpression(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Why the expression is invalid, or empty when it is valid. */
    static Optional<String> problem(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(expression);
        int end = 0;
        while (end < expression.length() && m.find(end) && m.start() == end) {
            tokens.add(m.group(1));
            end = m.end();
        }
        if (!expression.substring(end).isBlank()) {
            return Optional.of("unexpected '" + expression.substring(end).strip() + "'");
        }
        if (tokens.isEmpty()) {
            return Optional.of("it is empty");
        }
        SpdxExpression parser = new SpdxExpression(tokens);
        try {
            parser.or();
            if (parser.position < tokens.size()) {
                return Optional.of("unexpected '" + tokens.get(parser.position) + "'");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Deprecated identifiers in a valid expression (PEP 639 asks for current ones). */
    static List<String> deprecatedIdentifiers(String expression) {
        List<String> found = new ArrayList<>();
        Matcher m = TOKEN.matcher(expression);
        while (m.find()) {
            String id = m.group(1).replaceFirst("\\+$", "").toLowerCase(Locale.ROOT);
            if (DEPRECATED.containsKey(id) && !LICENSES.containsKey(id)) {
                found.add(DEPRECATED.get(id));
            }
        }
        return found;
    }

    private void or() {
        and();
        while (peekOperator("OR")) {
            position++;
            and();
        }
    }

    private void and() {
        with();
        while (peekOperator("AND")) {
            position++;
            with();
        }
    }

    private void with() {
        atom();
        if (peekOperator("WITH")) {
            position++;
            String exception = next("a license exception after WITH");
            if (!EXCEPTIONS.containsKey(exception.toLowerCase(Locale.ROOT))
                    && !exception.matches("(DocumentRef-[A-Za-z0-9.-]+:)?AdditionRef-[A-Za-z0-9.-]+")) {
                throw new IllegalArgumentException("'" + exception + "' is not an SPDX license exception");
            }
        }
    }

    private void atom() {
        String token = next("a license identifier");
        if (token.equals("(")) {
            or();
            if (position >= tokens.size() || !tokens.get(position).equals(")")) {
                throw new IllegalArgumentException("a '(' is not closed");
            }
            position++;
            return;
        }
        if (token.equals(")") || isOperator(token)) {
            throw new IllegalArgumentException("'" + token + "' where a license identifier was expected");
        }
        if (LICENSE_REF.matcher(token).matches()) {
            return;
        }
        String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
        String key = id.toLowerCase(Locale.ROOT);
        if (!LICENSES.containsKey(key) && !DEPRECATED.containsKey(key)) {
            throw new IllegalArgumentException("'" + id + "' is not an SPDX license identifier");
        }
    }

    private String next(String expected) {
        if (position >= tokens.size()) {
            throw new IllegalArgumentException("it ends where " + expected + " was expected");
        }
        return tokens.get(position++);
    }

    private boolean peekOperator(String operator) {
        return position < tokens.size() && tokens.get(position).equalsIgnoreCase(operator);
    }

    private static boolean isOperator(String token) {
        return token.equalsIgnoreCase("AND") || token.equalsIgnoreCase("OR") || token.equalsIgnoreCase("WITH");
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> ids = new TreeMap<>();
        InputStream in = SpdxExpression.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    ids.put(line.strip().toLowerCase(Locale.ROOT), line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
