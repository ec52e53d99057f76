package io.logflux.release.check;

import io.logflux.release.dist.QuotedNames;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PyPI's check of a wheel's {@code entry_points.txt} (pypi/warehouse 6b62157, {@code warehouse/utils/wheel.py}
 * lines 239-305, {@code _validate_entrypoints}): the file must be UTF-8 (line 281-283), must parse with Python's
 * {@code configparser.ConfigParser} as warehouse configures it — {@code delimiters=("=",)}, case-sensitive names,
 * strict, so a repeated section or entry point is an error (lines 268-292) — and every name in
 * {@code [console_scripts]} and {@code [gui_scripts]} must match {@code [\w.-]+} in full (lines 240, 243-251,
 * 294-300), so that no script is written outside the scripts directory. PyPI then answers "Wheel '<file>' has
 * invalid entry points defined in the entry_points.txt file" ({@code forklift/legacy.py} lines 1566-1580).
 *
 * <p>The parse follows CPython 3.14's {@code configparser._read_inner} (warehouse runs Python 3.14): a line is
 * stripped of Python whitespace; {@code #} or {@code ;} first makes it a comment; a line indented deeper than the
 * entry before it continues that entry's value; {@code [x]} (up to the last {@code ]}) opens a section;
 * {@code name = value} splits at the first {@code =}. A line of neither form, or with no name, fails the parse at
 * the end; a repeated section or name, or an entry before any section, fails it at once. Names of the
 * {@code [DEFAULT]} section count as names of every section.
 */
final class EntryPointRules {
    private static final String DEFAULT_SECTION = "DEFAULT";
    private static final List<String> SCRIPT_SECTIONS = List.of("console_scripts", "gui_scripts");

    private EntryPointRules() {
    }

    /** Why PyPI refuses this {@code entry_points.txt}, or empty when it accepts it. */
    static Optional<String> problem(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.of("is not valid UTF-8");
        }
        Parsed parsed = new Parsed();
        Optional<String> failure = parsed.read(text);
        if (failure.isPresent()) {
            return failure;
        }
        for (String section : SCRIPT_SECTIONS) {
            Map<String, Integer> names = parsed.sections.get(section);
            if (names == null) {
                continue;
            }
            Set<String> all = new LinkedHashSet<>(names.keySet());
            all.addAll(parsed.defaults.keySet());
            for (String name : all) {
                if (!isEntryPointName(name)) {
                    Integer line = names.containsKey(name) ? names.get(name) : parsed.defaults.get(name);
                    return Optional.of("line " + line + ": the [" + section + "] name " + QuotedNames.quote(name)
                            + " is not letters, digits, '_', '.' and '-' only (PyPI's pattern [\\w.-]+), so the "
                            + "script would be written outside the scripts directory or not at all");
                }
            }
        }
        return Optional.empty();
    }

    /** Python's {@code [\w.-]+} in full: {@code \w} is every letter and number (categories L* and N*) and '_'. */
    static boolean isEntryPointName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (c == '.' || c == '-' || c == '_') {
                continue;
            }
            switch (Character.getType(c)) {
                case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                     Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                     Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** The sections and names read so far, each name with its line; what configparser keeps, values left out. */
    private static final class Parsed {
        final Map<String, Map<String, Integer>> sections = new LinkedHashMap<>();
        final Map<String, Integer> defaults = new LinkedHashMap<>();
        private final Set<String> sectionsAdded = new HashSet<>();
        private final Set<List<String>> entriesAdded = new HashSet<>();

        Optional<String> read(String text) {
            Map<String, Integer> current = null;
            String sectionName = null;
            String entryName = null;
            int indentLevel = 0;
            List<String> badLines = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int lineNumber = i + 1;
                String line = lines[i];
                String stripped = PythonText.strip(line);
                String clean = stripped.startsWith("#") || stripped.startsWith(";") ? "" : stripped;
                if (clean.isEmpty()) {
                    continue;
                }
                int indent = PythonText.firstNonSpace(line);
                if (current != null && entryName != null && !entryName.isEmpty() && indent > indentLevel) {
                    continue;
                }
                indentLevel = indent;
                int close = clean.startsWith("[") ? clean.lastIndexOf(']') : -1;
                if (close >= 2) {
                    sectionName = clean.substring(1, close);
                    if (sections.containsKey(sectionName)) {
                        if (sectionsAdded.contains(sectionName)) {
                            return Optional.of("line " + lineNumber + " opens the section [" + sectionName
                                    + "] a second time");
                        }
                        current = sections.get(sectionName);
                    } else if (sectionName.equals(DEFAULT_SECTION)) {
                        current = defaults;
                    } else {
                        current = new LinkedHashMap<>();
                        sections.put(sectionName, current);
                        sectionsAdded.add(sectionName);
                    }
                    entryName = null;
                    continue;
                }
                if (current == null) {
                    return Optional.of("line " + lineNumber + " (" + QuotedNames.quote(clean)
                            + ") comes before any [section] header");
                }
                int equals = clean.indexOf('=');
                if (equals < 0) {
                    badLines.add("line " + lineNumber + " (" + QuotedNames.quote(clean) + ")");
                    continue;
                }
                entryName = PythonText.stripTrailing(clean.substring(0, equals));
                if (entryName.isEmpty()) {
                    badLines.add("line " + lineNumber + " (" + QuotedNames.quote(clean) + ")");
                }
                if (!entriesAdded.add(List.of(sectionName, entryName))) {
                    return Optional.of("line " + lineNumber + " defines " + QuotedNames.quote(entryName)
                            + " in [" + sectionName + "] a second time; each entry point name appears once in its "
                            + "section");
                }
                current.put(entryName, lineNumber);
            }
            if (!badLines.isEmpty()) {
                return Optional.of(String.join(", ", badLines.subList(0, Math.min(5, badLines.size())))
                        + (badLines.size() > 5 ? " and " + (badLines.size() - 5) + " more" : "")
                        + (badLines.size() == 1 ? " is" : " are") + " not 'name = object reference' lines");
            }
            return Optional.empty();
        }
    }
}
