package io.logflux.release.cli;

import picocli.CommandLine;

/** The release tag of a command: --tag, else TAG_NAME (which Jenkins sets on tag builds). */
final class ReleaseTagArgument {
    static final String TAG_ENV = "TAG_NAME";

    private ReleaseTagArgument() {
    }

    static String resolve(String tag, Environment environment, CommandLine commandLine) {
        String releaseTag = tag != null ? tag : environment.get(TAG_ENV);
        if (releaseTag == null || releaseTag.isBlank()) {
            throw new CommandLine.ParameterException(commandLine,
                    "No release tag: pass --tag v0.2.0, or set " + TAG_ENV + " (Jenkins sets it on tag builds).");
        }
        return releaseTag;
    }
}
