package io.logflux.release.github;

import io.logflux.release.ReleaseException;
import io.logflux.release.version.Pep440Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release's section of a Keep-a-Changelog file: from {@code ## [0.2.0] - 2024-01-15} (or {@code ## 0.2.0},
 * {@code ## v0.2.0}) to the next {@code ## } heading, versions compared as PEP 440 versions.
 */
public final class ReleaseNotes {
    private static final Pattern LINK_DEFINITION = Pattern.compile("^\\[[^\\]]+]:\\s*\\S+$");
    private static final Pattern HEADING = Pattern.compile("^##\\s+\\[?v?([^\\]\\s]+)\\]?.*$");

    /** The most characters GitHub takes for a release body. */
    public static final int MAX_BODY = 125_000;

    private ReleaseNotes() {
    }

    /**
     * The notes as GitHub takes them: unchanged when they fit {@link #MAX_BODY}, else cut at a line break before the
     * limit, with a note that links to the full notes ({@code fullNotes}).
     */
    public static String capped(String notes, String fullNotes) {
        if (notes.length() <= MAX_BODY) {
            return notes;
        }
        String note = "\n\n---\n*These notes are cut: GitHub takes at most " + String.format("%,d", MAX_BODY)
                + " characters. The full notes: [changelog](" + fullNotes + ").*";
        int room = MAX_BODY - note.length();
        int cut = notes.lastIndexOf('\n', room);
        if (cut < room / 2) {
            cut = Character.isHighSurrogate(notes.charAt(room - 1)) ? room - 1 : room;
        }
        return notes.substring(0, cut).stripTrailing() + note;
    }

    public static String fromChangelog(Path changelog, String version) {
        List<String> lines;
        try {
            lines = Files.readAllLines(changelog, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReleaseException("Cannot read the release notes file " + changelog + " (" + e.getMessage()
                    + "). Give the right notesFile, or the notes themselves.", e);
        }
        Optional<Pep440Version> wanted = Pep440Version.tryParse(version);
        List<String> section = null;
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line.strip());
            if (line.startsWith("## ") && heading.matches()) {
                if (section != null) {
                    break;
                }
                String stated = heading.group(1);
                boolean same = wanted.isPresent() ? Pep440Version.tryParse(stated).map(v -> v.normalized()
                        .equals(wanted.get().normalized())).orElse(false) : stated.equals(version);
                if (same) {
                    section = new ArrayList<>();
                }
            } else if (section != null) {
                section.add(line);
            }
        }
        if (section == null) {
            throw new ReleaseException(changelog + " has no section for " + version + " (looked for a heading such as "
                    + "'## [" + version + "] - 2024-01-15'). Add the section, or give the notes.");
        }
        // Keep a Changelog ends the file with link definitions ("[0.2.0]: https://…"): they belong to no section.
        while (!section.isEmpty() && (section.get(section.size() - 1).isBlank()
                || LINK_DEFINITION.matcher(section.get(section.size() - 1).strip()).matches())) {
            section.remove(section.size() - 1);
        }
        String text = String.join("\n", section).strip();
        if (text.isEmpty()) {
            throw new ReleaseException("The section for " + version + " in " + changelog + " is empty. Write what "
                    + "changed, or give the notes.");
        }
        return text;
    }
}
