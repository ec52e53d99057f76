package io.logflux.release.project;

import io.logflux.release.ReleaseException;
import io.logflux.release.files.DisplayPath;
import io.logflux.release.files.FileName;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code __version__} from a Python module without running it: the release must not execute project code to
 * learn its version, and a build agent may not even have Python. A file that is not {@code .py} (such as
 * {@code VERSION}) is read as the bare version text.
 */
public final class PythonVersionFile {
    /** {@code __version__ = "1.0"}, {@code __version__: str = '1.0'}, {@code __version__ = version = "1.0"}. */
    private static final String LITERAL_FORM =
            "^%s\\s*(?::[^=]*)?=\\s*(?:[A-Za-z_]\\w*\\s*=\\s*)*(?:[uUrR])?(['\"])([^'\"\\\\\\n]*)\\1\\s*(?:#.*)?$";
    private static final String ASSIGNMENT_FORM = "^(\\s*)%s\\s*(?::[^=]*)?=(?!=)(.*)$";
    public static final String DEFAULT_VARIABLE = "__version__";

    private PythonVersionFile() {
    }

    public static VersionSource read(Path file, Path displayRoot) {
        return read(file, displayRoot, DEFAULT_VARIABLE);
    }

    /** Reads the module-level string assigned to {@code variable} (as named by a setuptools {@code attr:}). */
    public static VersionSource read(Path file, Path displayRoot, String variable) {
        if (!variable.matches("[A-Za-z_]\\w*")) {
            throw new IllegalArgumentException("not a Python identifier: " + variable);
        }
        Pattern literalPattern = Pattern.compile(String.format(LITERAL_FORM, variable));
        Pattern assignmentPattern = Pattern.compile(String.format(ASSIGNMENT_FORM, variable));
        String text = TextFiles.read(file);
        String shown = DisplayPath.of(file, displayRoot);
        if (!FileName.of(file).endsWith(".py")) {
            return plainFile(file, text, shown);
        }
        List<Found> literals = new ArrayList<>();
        List<String> others = new ArrayList<>();
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher assignment = assignmentPattern.matcher(line);
            if (!assignment.matches()) {
                continue;
            }
            Matcher literal = literalPattern.matcher(line);
            if (assignment.group(1).isEmpty() && literal.matches()) {
                literals.add(new Found(i + 1, literal.group(2)));
            } else {
                others.add("line " + (i + 1) + ": " + line.strip());
            }
        }
        if (literals.isEmpty()) {
            if (others.isEmpty()) {
                throw new ReleaseException("No " + variable + " found in " + shown + ". Add a line such as "
                        + variable + " = \"0.2.0\", or point versionFile (--version-file) to the file that has it.");
            }
            throw new ReleaseException(variable + " in " + shown + " is not a plain string literal ("
                    + String.join("; ", others) + "). logflux-release reads the version without running Python: "
                    + "write " + variable + " = \"0.2.0\" at module level, or point versionFile (--version-file) to a "
                    + "file that has it.");
        }
        Found last = literals.get(literals.size() - 1);
        boolean allSame = literals.stream().allMatch(f -> f.version.equals(last.version));
        if (!allSame || !others.isEmpty()) {
            throw new ReleaseException(shown + " assigns " + variable + " in more than one way ("
                    + describe(literals, others) + "). Keep exactly one " + variable + " = \"…\" line.");
        }
        return new VersionSource(SourceKind.VERSION_FILE, file, "line " + last.line + ": " + variable, last.version);
    }

    private static VersionSource plainFile(Path file, String text, String shown) {
        String version = text.strip();
        if (version.isEmpty() || version.contains("\n")) {
            throw new ReleaseException(shown + " should hold only the version (for example 0.2.0) on one line, "
                    + "or be a .py file with __version__ = \"0.2.0\".");
        }
        return new VersionSource(SourceKind.VERSION_FILE, file, "file content", version);
    }

    private static String describe(List<Found> literals, List<String> others) {
        List<String> parts = new ArrayList<>();
        literals.forEach(f -> parts.add("line " + f.line + ": \"" + f.version + "\""));
        parts.addAll(others);
        return String.join("; ", parts);
    }

    private record Found(int line, String version) {
    }
}
