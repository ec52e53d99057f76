package io.logflux.release.project;

import java.nio.file.Path;

/**
 * One place that states the package version.
 *
 * @param kind        what kind of place it is
 * @param file        the file holding it
 * @param location    where in the file, in the user's words ("line 5: __version__", "[project].version", "METADATA")
 * @param versionText the version exactly as written there
 */
public record VersionSource(SourceKind kind, Path file, String location, String versionText) {
}
