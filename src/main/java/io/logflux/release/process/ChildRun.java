package io.logflux.release.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One child process run to its end with stdin closed, stdout and stderr together, in the allow-listed environment
 * plus {@code settings}.
 */
public final class ChildRun {
    private ChildRun() {
    }

    /** What a child printed and how it ended. */
    public record Result(int status, String output) {
        /** The last lines, joined with " | ", for a one-line message. */
        public String tail() {
            List<String> lines = output.strip().lines().toList();
            String joined = String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
            return joined.isEmpty() ? "no output" : joined;
        }
    }

    /** @throws TimeoutException when it ran longer than {@code timeout} (it is then stopped) */
    public static Result run(List<String> command, Path directory, ChildEnvironment environment,
                             Map<String, String> settings, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        ProcessBuilder builder = environment.applyTo(new ProcessBuilder(command), settings)
                .directory(directory.toFile()).redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new TimeoutException();
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
