package io.logflux.release.cli;

import io.logflux.release.publish.PublishRequest;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * The defaults of options that fill an engine request, taken from the request's own defaults, so a command's value
 * and its help's "(default: …)" are the engine's and are written nowhere else. Keyed by "command --option"; "*"
 * stands for every command that has the option.
 */
final class EngineDefaults implements CommandLine.IDefaultValueProvider {
    private static final PublishRequest PUBLISH = PublishRequest.defaults();
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("* --connect-timeout", DurationArgument.format(PUBLISH.connectTimeout())),
            Map.entry("* --idle-timeout", DurationArgument.format(PUBLISH.idleTimeout())),
            Map.entry("* --upload-timeout", DurationArgument.format(PUBLISH.uploadTimeout())),
            Map.entry("* --attempts", String.valueOf(PUBLISH.attempts())),
            Map.entry("* --max-file-size", ByteSize.format(PUBLISH.maxFileSize())),
            Map.entry("publish --wait-timeout", DurationArgument.format(PUBLISH.waitTimeout())),
            Map.entry("await --timeout", DurationArgument.format(PUBLISH.waitTimeout())),
            Map.entry("publish --parallel-uploads", String.valueOf(PUBLISH.parallelUploads())),
            Map.entry("publish --python", PUBLISH.python()),
            Map.entry("verify-install --python", PUBLISH.python()),
            Map.entry("release --python", PUBLISH.python()));

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || arg.command() == null) {
            return null;
        }
        String value = DEFAULTS.get(arg.command().name() + " " + option.longestName());
        return value != null ? value : DEFAULTS.get("* " + option.longestName());
    }
}
