package io.logflux.release.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    private static final int MAX_OUTPUT = 1 << 20;
    private static final int STOP_WAIT_SECONDS = 5;

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
        // Output goes to a file, not a pipe: the timeout then holds whatever the child prints (a pipe read to its end
        // first would wait on a hung child for ever), and only the output's last MiB is kept.
        Path output = Files.createTempFile("logflux-child-", ".log");
        try {
            Process process = environment.applyTo(new ProcessBuilder(command), settings).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            boolean ended;
            try {
                ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // whoever interrupted us no longer wants the child (a release stopped, a venv no longer needed)
                stop(process);
                throw e;
            }
            if (!ended) {
                stop(process);
                throw new TimeoutException();
            }
            return new Result(process.exitValue(), lastBytes(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Kills the child and what it started (pip --python runs pip again under the venv's interpreter; venv runs
     * ensurepip), and waits a little for the child to be gone, so that its directory can be deleted after it.
     */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastBytes(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, MAX_OUTPUT));
            channel.read(tail, size - tail.capacity());
            return new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        }
    }
}
