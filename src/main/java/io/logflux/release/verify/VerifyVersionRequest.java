package io.logflux.release.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to verify: the project's version sources and the given built files against a release tag.
 *
 * @param projectDir  the directory holding pyproject.toml / setup.cfg / the package
 * @param tag         the release tag, with or without a 'v' prefix
 * @param versionFile the file holding {@code __version__}, relative to {@code projectDir}; found when empty
 * @param distFiles   built wheels and sdists whose file names and embedded metadata must carry the same version
 */
public record VerifyVersionRequest(Path projectDir, String tag, Optional<Path> versionFile, List<Path> distFiles) {
    public VerifyVersionRequest {
        versionFile = versionFile == null ? Optional.empty() : versionFile;
        distFiles = distFiles == null ? List.of() : List.copyOf(distFiles);
    }
}
