package io.logflux.release.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the Python interpreter that has the real peers (Debian's: build, packaging, twine, readme_renderer). Its path
 * is the system property {@code logflux.python} (default /usr/bin/python3). A missing interpreter fails the test: the
 * tests never skip what they cannot run.
 */
public final class DebianPython {
    private DebianPython() {
    }

    public static String executable() {
        return System.getProperty("logflux.python", "/usr/bin/python3");
    }

    public record Result(int status, String output) {
    }

    /** Runs python with the given arguments and returns status and combined output. */
    public static Result run(Path workingDir, String... args) {
        return run(workingDir, Map.of(), args);
    }

    /** Runs python with extra environment variables (how secrets reach twine: never as arguments). */
    public static Result run(Path workingDir, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(args));
        return runCommand(workingDir, environment, command);
    }

    /** Runs any program (a venv's python, pip) and returns status and combined output. */
    public static Result runCommand(Path workingDir, Map<String, String> environment, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir == null ? null : workingDir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("python timed out: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command.get(0) + " (" + e.getMessage() + "). Install Debian's "
                    + "python3 with python3-build, python3-packaging and twine (bash .ci/run does), or set "
                    + "-Dlogflux.python.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs python and fails the test, showing the output, unless it exits with 0. */
    public static String runOk(Path workingDir, String... args) {
        Result result = run(workingDir, args);
        assertThat(result.status()).as("%s %s failed:%n%s", executable(), String.join(" ", args), result.output())
                .isZero();
        return result.output();
    }
}
