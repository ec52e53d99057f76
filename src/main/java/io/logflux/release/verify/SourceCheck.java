package io.logflux.release.verify;

import io.logflux.release.project.VersionSource;
import io.logflux.release.version.Pep440Version;

import java.util.Optional;

/**
 * One version source compared with the release tag.
 *
 * @param source      where the version was read
 * @param shownFile   the file as named in messages
 * @param parsed      the version, when it is valid PEP 440
 * @param invalidWhy  why it is not a valid version, when it is not
 * @param status      the outcome
 */
public record SourceCheck(VersionSource source, String shownFile, Optional<Pep440Version> parsed,
                          Optional<String> invalidWhy, Status status) {

    public enum Status { MATCH, MISMATCH, INVALID }

    public String shownVersion() {
        return parsed.map(Pep440Version::normalized).orElse(source.versionText());
    }
}
