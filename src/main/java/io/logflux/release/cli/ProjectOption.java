package io.logflux.release.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --project DIR}: the Python project a command reads (pyproject.toml, the version file, CHANGELOG.md). */
final class ProjectOption {
    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "The project directory, holding pyproject.toml or setup.cfg (default: the current directory).")
    Path dir;
}
