package io.logflux.release.cli;

import picocli.CommandLine.Option;

/** How strictly {@code check} judges the files, for the commands that run it. */
final class CheckStrictness {
    @Option(names = "--strict", description = "Warnings from check count as failures (and stop an upload).")
    boolean strict;

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = ByteSize.class,
            description = "The largest file the index accepts, e.g. 100MiB (default: PyPI's ${DEFAULT-VALUE}).")
    Long maxFileSize;
}
