package io.logflux.release.cli;

import io.logflux.release.request.InvalidRequestException;
import picocli.CommandLine;

import java.util.function.Supplier;

/** Builds an engine request from options; a value the request refuses is a usage error naming the option. */
final class RequestArguments {
    private RequestArguments() {
    }

    static <T> T build(CommandLine commandLine, Supplier<T> request) {
        try {
            return request.get();
        } catch (InvalidRequestException e) {
            throw new CommandLine.ParameterException(commandLine, e.messageFor(optionName(e.field())));
        }
    }

    /** {@code parallelUploads} → {@code --parallel-uploads}. */
    static String optionName(String field) {
        return "--" + field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
