package io.logflux.release.publish;

import java.time.Duration;
import java.util.Optional;

/**
 * What the install check installs and runs.
 *
 * @param importName    the module to import; by default the project name with '-' → '_'
 * @param command       Python code to run instead of the version check (must exit 0), e.g. "import logflux; logflux.Client"
 * @param requireHashes pin the exact uploaded files' sha256 ({@code pip --require-hashes}; dependencies then need hashes too)
 * @param attempts      how often "no matching distribution" is retried (the index may not serve the files yet)
 * @param retryWait     the wait between those attempts
 * @param timeout       the longest one pip or python run may take
 */
public record InstallCheck(String python, Optional<String> importName, Optional<String> command, boolean requireHashes,
                           int attempts, Duration retryWait, Duration timeout) {
    public static InstallCheck defaults() {
        return new InstallCheck("python3", Optional.empty(), Optional.empty(), false, 3, Duration.ofSeconds(30),
                Duration.ofMinutes(10));
    }

    public InstallCheck withPython(String python) {
        return new InstallCheck(python, importName, command, requireHashes, attempts, retryWait, timeout);
    }

    public InstallCheck withImportName(String name) {
        return new InstallCheck(python, Optional.ofNullable(name).filter(s -> !s.isBlank()), command, requireHashes,
                attempts, retryWait, timeout);
    }

    public InstallCheck withCommand(String code) {
        return new InstallCheck(python, importName, Optional.ofNullable(code).filter(s -> !s.isBlank()),
                requireHashes, attempts, retryWait, timeout);
    }

    public InstallCheck withRequireHashes(boolean require) {
        return new InstallCheck(python, importName, command, require, attempts, retryWait, timeout);
    }

    public InstallCheck withRetries(int attempts, Duration wait) {
        return new InstallCheck(python, importName, command, requireHashes, attempts, wait, timeout);
    }

    String moduleFor(String projectName) {
        return importName.orElse(projectName.strip().replaceAll("[-.]+", "_").toLowerCase(java.util.Locale.ROOT));
    }
}
