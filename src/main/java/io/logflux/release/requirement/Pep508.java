package io.logflux.release.requirement;

import io.logflux.release.version.VersionSpecifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a PEP 508 dependency specification as it appears in {@code Requires-Dist}:
 * {@code name [extras] (version-specifiers | @ url) [; marker]}, with marker expressions over the standard
 * environment markers.
 */
public final class Pep508 {
    private static final Pattern HEAD = Pattern.compile(
            "^\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*(.*)$");
    private static final Pattern EXTRA = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Set<String> VARIABLES = Set.of("python_version", "python_full_version", "os_name",
            "sys_platform", "platform_release", "platform_system", "platform_version", "platform_machine",
            "platform_python_implementation", "implementation_name", "implementation_version", "extra",
            "dependency_groups", "os.name", "sys.platform", "platform.version", "platform.machine",
            "platform.python_implementation", "python_implementation");

    private Pep508() {
    }

    /** A parsed requirement: its project name and whether it names a direct URL. */
    public record Requirement(String name, boolean directUrl) {
    }

    /** Parses the requirement, or returns why it is invalid. */
    public static Result parse(String text) {
        String requirement = text;
        String marker = null;
        int semicolon = semicolonOutsideUrl(text);
        if (semicolon >= 0) {
            requirement = text.substring(0, semicolon);
            marker = text.substring(semicolon + 1);
        }
        Matcher head = HEAD.matcher(requirement);
        if (!head.matches()) {
            return Result.invalid("it does not start with a project name");
        }
        String name = head.group(1);
        if (head.group(2) != null) {
            String extras = head.group(2).substring(1, head.group(2).length() - 1);
            if (!extras.isBlank()) {
                for (String extra : extras.split(",")) {
                    if (!EXTRA.matcher(extra.strip()).matches()) {
                        return Result.invalid("'" + extra.strip() + "' is not a valid extra name");
                    }
                }
            }
        }
        String rest = head.group(3).strip();
        boolean url = false;
        if (rest.startsWith("@")) {
            url = true;
            if (rest.substring(1).isBlank()) {
                return Result.invalid("'@' is not followed by a URL");
            }
        } else if (!rest.isEmpty()) {
            String specifiers = rest.startsWith("(") && rest.endsWith(")") ? rest.substring(1, rest.length() - 1) : rest;
            Optional<String> problem = VersionSpecifiers.problem(specifiers);
            if (problem.isPresent()) {
                return Result.invalid(problem.get());
            }
        }
        if (marker != null) {
            Optional<String> problem = new MarkerParser(marker).problem();
            if (problem.isPresent()) {
                return Result.invalid("the marker: " + problem.get());
            }
        }
        return new Result(Optional.of(new Requirement(name, url)), "");
    }

    /** The outcome of {@link #parse}: a requirement, or why there is none. */
    public record Result(Optional<Requirement> requirement, String problem) {
        static Result invalid(String why) {
            return new Result(Optional.empty(), why);
        }
    }

    private static int semicolonOutsideUrl(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return text.indexOf(';');
        }
        // After a URL the marker must be separated by whitespace: "pkg @ https://x/y.whl ; python_version<'3'"
        Matcher m = Pattern.compile("\\s;").matcher(text);
        return m.find(at) ? m.start() + 1 : -1;
    }

    /** marker: or_expr; or_expr: and_expr ('or' and_expr)*; and_expr: atom ('and' atom)*; atom: '(' marker ')' | var op var */
    private static final class MarkerParser {
        private static final Pattern TOKEN = Pattern.compile(
                "\\s*(\\(|\\)|'[^']*'|\"[^\"]*\"|===|==|!=|<=|>=|~=|<|>|not\\s+in\\b|in\\b|and\\b|or\\b|[A-Za-z_][A-Za-z0-9_.]*)");
        private final List<String> tokens = new ArrayList<>();
        private final String text;
        private int position;

        MarkerParser(String text) {
            this.text = text;
        }

        Optional<String> problem() {
            Matcher m = TOKEN.matcher(text);
            int end = 0;
            while (end < text.length() && m.find(end) && m.start() == end) {
                tokens.add(m.group(1).replaceAll("\\s+", " "));
                end = m.end();
            }
            if (!text.substring(end).isBlank()) {
                return Optional.of("unexpected '" + text.substring(end).strip() + "'");
            }
            try {
                or();
                if (position < tokens.size()) {
                    throw new IllegalArgumentException("unexpected '" + tokens.get(position) + "'");
                }
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }

        private void or() {
            and();
            while (peek("or")) {
                position++;
                and();
            }
        }

        private void and() {
            atom();
            while (peek("and")) {
                position++;
                atom();
            }
        }

        private void atom() {
            if (peek("(")) {
                position++;
                or();
                if (!peek(")")) {
                    throw new IllegalArgumentException("a '(' is not closed");
                }
                position++;
                return;
            }
            value();
            String operator = next("an operator");
            if (!Set.of("==", "!=", "<=", ">=", "<", ">", "~=", "===", "in", "not in").contains(operator)) {
                throw new IllegalArgumentException("'" + operator + "' is not a marker operator");
            }
            value();
        }

        private void value() {
            String token = next("a marker variable or a quoted string");
            boolean quoted = token.startsWith("'") || token.startsWith("\"");
            if (!quoted && !VARIABLES.contains(token)) {
                throw new IllegalArgumentException("'" + token + "' is not a marker variable (such as "
                        + "python_version or sys_platform) or a quoted string");
            }
        }

        private String next(String expected) {
            if (position >= tokens.size()) {
                throw new IllegalArgumentException("it ends where " + expected + " was expected");
            }
            return tokens.get(position++);
        }

        private boolean peek(String token) {
            return position < tokens.size() && tokens.get(position).equals(token);
        }
    }
}
