package io.logflux.release.verify;

import io.logflux.release.version.ReleaseTag;

import java.util.List;
import java.util.Optional;

/** The outcome of {@link VersionVerifier#verify}: every source compared with the tag, and what to do if any differs. */
public final class VerifyVersionReport {
    private final ReleaseTag tag;
    private final Optional<String> projectName;
    private final List<SourceCheck> checks;
    private final List<String> notes;
    private final List<String> nameProblems;

    VerifyVersionReport(ReleaseTag tag, Optional<String> projectName, List<SourceCheck> checks, List<String> notes,
                        List<String> nameProblems) {
        this.tag = tag;
        this.projectName = projectName;
        this.checks = List.copyOf(checks);
        this.notes = List.copyOf(notes);
        this.nameProblems = List.copyOf(nameProblems);
    }

    public boolean ok() {
        return nameProblems.isEmpty() && checks.stream().allMatch(c -> c.status() == SourceCheck.Status.MATCH);
    }

    /** The release tag's version in PEP 440 normal form, e.g. {@code 1.0.0b2} for tag {@code v1.0.0-beta.2}. */
    public String normalizedVersion() {
        return tag.version().normalized();
    }

    public ReleaseTag tag() {
        return tag;
    }

    public Optional<String> projectName() {
        return projectName;
    }

    public List<SourceCheck> checks() {
        return checks;
    }

    public List<String> notes() {
        return notes;
    }

    public List<String> nameProblems() {
        return nameProblems;
    }

    /** The first line: the verdict, in the release process's own words on failure. */
    public String headline() {
        return ReportText.headline(this);
    }

    public String text() {
        return ReportText.render(this);
    }

    public String toJson() {
        return ReportJson.render(this);
    }
}
