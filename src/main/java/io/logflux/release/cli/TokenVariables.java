package io.logflux.release.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a token in the first of some environment variables that holds one. When none does, the usage error says of
 * each variable whether it is not set or set but empty, so "set X" is never said of a variable that is set.
 */
final class TokenVariables {
    /** The variable a token came from, and the token. */
    record Found(String variable, String value) {
    }

    private TokenVariables() {
    }

    /**
     * @param what       what the token is for, e.g. "No token for testpypi (…)"
     * @param optionHint the option that names another variable (e.g. --token-env), or null when the user named one
     * @param advice     the sentence that follows (where to create a token)
     */
    static Found first(Environment environment, List<String> names, String what, String optionHint, String advice,
                       CommandLine commandLine) {
        List<String> empty = new ArrayList<>();
        for (String name : names) {
            String value = environment.secret(name);
            if (value != null && !value.isBlank()) {
                return new Found(name, value);
            }
            if (value != null) {
                empty.add(name);
            }
        }
        String hint = optionHint == null ? "" : ", or name the variable with " + optionHint;
        String why;
        if (empty.isEmpty()) {
            why = "set " + String.join(" or ", names) + hint;
        } else {
            List<String> states = names.stream().map(n -> n + (empty.contains(n) ? " is empty" : " is not set"))
                    .toList();
            why = String.join(", ", states) + "; put the token in " + (names.size() == 1 ? "it" : "one of them")
                    + hint;
        }
        throw new CommandLine.ParameterException(commandLine, what + ": " + why + ". " + advice);
    }
}
