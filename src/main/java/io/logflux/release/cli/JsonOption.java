package io.logflux.release.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Option;

/** {@code --json}, and how a command writes its result map as JSON. */
final class JsonOption {
    @Option(names = "--json", description = "Print the result as JSON on standard output.")
    boolean enabled;

    /** One line of JSON for a result map (the same map a Jenkins step returns). */
    static String write(Object result) {
        try {
            return Mapper.JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result map of plain values always renders", e);
        }
    }

    /** Made on first use: every command has --json, and Jackson's start-up is for the runs that print JSON. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }
}
