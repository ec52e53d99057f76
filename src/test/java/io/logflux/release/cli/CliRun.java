package io.logflux.release.cli;

import io.logflux.release.testing.Captured;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One command line run in-process, as a user runs it: status, standard output and error. The output is kept for the
 * suite-wide token search (only what the tool printed, not the arguments: a test may pass a token on purpose).
 */
record CliRun(int status, String out, String err) {
    static CliRun run(String label, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get);
        CliRun run = new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        Captured.record(label, run.out() + run.err());
        return run;
    }
}
