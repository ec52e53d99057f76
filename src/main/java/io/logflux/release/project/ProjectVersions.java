package io.logflux.release.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every version a Python project states in its sources, in order of authority (the version file first), plus notes
 * on what was looked at but states no version (a dynamic pyproject version, a computed {@code __version__}).
 */
public record ProjectVersions(Path projectDir, Optional<String> projectName, List<VersionSource> sources,
                              List<String> notes) {
    public ProjectVersions {
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }
}
