package io.logflux.release.check;

import io.logflux.release.dist.ArchiveLimits;

import java.util.List;

/**
 * How {@code check} runs.
 *
 * @param maxFileBytes the largest file the index accepts (PyPI's default is 100 MiB; projects can have more)
 * @param limits       bounds on reading archives
 * @param pythons      Python executables to try for rendering reStructuredText, in order
 */
public record CheckOptions(long maxFileBytes, ArchiveLimits limits, List<String> pythons) {
    public static final long PYPI_DEFAULT_MAX_FILE_BYTES = 100L << 20;

    public CheckOptions {
        pythons = List.copyOf(pythons);
    }

    public static CheckOptions defaults() {
        return new CheckOptions(PYPI_DEFAULT_MAX_FILE_BYTES, ArchiveLimits.defaults(),
                List.of("python3", "/usr/bin/python3"));
    }

    public CheckOptions withMaxFileBytes(long bytes) {
        return new CheckOptions(bytes, limits, pythons);
    }

    public CheckOptions withPythons(List<String> executables) {
        return new CheckOptions(maxFileBytes, limits, executables);
    }
}
