package io.logflux.release.version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a PEP 440 version specifier set such as {@code >=3.8,<4} or {@code ~=1.4.2, !=1.4.5}, with the rules
 * packaging applies: {@code .*} only after {@code ==} and {@code !=} and only on a release; local versions only with
 * {@code ==}/{@code !=}; {@code ~=} needs at least two release numbers; {@code ===} takes any text without spaces;
 * empty clauses are ignored.
 */
public final class VersionSpecifiers {
    private static final Pattern CLAUSE = Pattern.compile("^\\s*(~=|===|==|!=|<=|>=|<|>)\\s*(\\S.*?)\\s*$");
    private static final Pattern PREFIX = Pattern.compile("^(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*\\.\\*$");

    private VersionSpecifiers() {
    }

    /** Why the specifier set is invalid, or empty when it is valid. An empty set is valid. */
    public static Optional<String> problem(String specifiers) {
        if (specifiers.isBlank()) {
            return Optional.empty();
        }
        for (String clause : specifiers.split(",", -1)) {
            if (clause.isBlank()) {
                continue;
            }
            Optional<String> problem = clauseProblem(clause);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> clauseProblem(String clause) {
        Matcher m = CLAUSE.matcher(clause);
        if (!m.matches()) {
            return Optional.of("'" + clause.strip() + "' is not an operator (~=, ==, !=, <=, >=, <, >, ===) "
                    + "followed by a version");
        }
        String operator = m.group(1);
        String version = m.group(2);
        if (operator.equals("===")) {
            return version.contains(" ") ? Optional.of("'" + clause.strip() + "' has a space") : Optional.empty();
        }
        if (version.endsWith(".*")) {
            if (!operator.equals("==") && !operator.equals("!=")) {
                return Optional.of("'" + clause.strip() + "': '.*' works only with == and !=");
            }
            return PREFIX.matcher(version).matches() ? Optional.empty()
                    : Optional.of("'" + clause.strip() + "': a '.*' prefix must be a release such as 3.8.*");
        }
        Optional<Pep440Version> parsed = Pep440Version.tryParse(version);
        if (parsed.isEmpty()) {
            return Optional.of("'" + version + "' in '" + clause.strip() + "' is not a PEP 440 version");
        }
        if (parsed.get().hasLocal() && !operator.equals("==") && !operator.equals("!=")) {
            return Optional.of("'" + clause.strip() + "': a local version works only with == and !=");
        }
        if (operator.equals("~=") && parsed.get().release().size() < 2) {
            return Optional.of("'" + clause.strip() + "': ~= needs at least two release numbers, such as ~=3.8");
        }
        return Optional.empty();
    }
}
