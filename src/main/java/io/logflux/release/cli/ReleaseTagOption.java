package io.logflux.release.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The release tag of a command: --tag, else TAG_NAME (which Jenkins sets on tag builds). */
final class ReleaseTagOption {
    static final String TAG_ENV = "TAG_NAME";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec mixee;

    @Option(names = "--tag", paramLabel = "TAG",
            description = "The release tag, e.g. v0.2.0 or 0.2.0 (default: the TAG_NAME environment variable).")
    String tag;

    String resolve(Environment environment) {
        String releaseTag = tag != null ? tag : environment.get(TAG_ENV);
        if (releaseTag == null || releaseTag.isBlank()) {
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "No release tag: pass --tag v0.2.0, or set " + TAG_ENV + " (Jenkins sets it on tag builds).");
        }
        return releaseTag;
    }
}
