package io.logflux.release.check;

import io.logflux.release.process.ChildEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders reStructuredText with readme_renderer — the renderer PyPI itself uses, where any docutils warning makes
 * the upload fail — through a local {@code python3 -m readme_renderer}. Without such a Python, it says so: the
 * description is then reported as not checked, never as passing.
 */
public final class RstRenderer {
    private static final Pattern DOCUTILS_MESSAGE = Pattern.compile("^<string>:(\\d+): \\((\\w+)/\\d\\) (.*)$");

    /** The outcome: rendered, failed with docutils' messages, or not checked (and why). */
    public record Result(boolean checked, List<String> problems, String notCheckedBecause) {
        static Result rendered() {
            return new Result(true, List.of(), "");
        }
    }

    private final List<String> interpreters;
    private Optional<String> usable;

    /** @param interpreters Python executables to try, in order; the first that has readme_renderer is used */
    public RstRenderer(List<String> interpreters) {
        this.interpreters = List.copyOf(interpreters);
    }

    public Result render(String rst) {
        Optional<String> python = python();
        if (python.isEmpty()) {
            return new Result(false, List.of(), "no Python with readme_renderer was found (tried "
                    + String.join(", ", interpreters) + "; install python3-readme-renderer, or pass --python)");
        }
        Path input = null;
        try {
            input = Files.createTempFile("logflux-description", ".rst");
            Files.writeString(input, rst, StandardCharsets.UTF_8);
            Process process = ChildEnvironment.ofThisProcess().applyTo(new ProcessBuilder(python.get(), "-m",
                    "readme_renderer", input.toString(), "-o", nullDevice())).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(false, List.of(), "readme_renderer did not finish within 2 minutes");
            }
            if (process.exitValue() == 0) {
                return Result.rendered();
            }
            return new Result(true, docutilsMessages(output), "");
        } catch (IOException e) {
            return new Result(false, List.of(), "running " + python.get() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, List.of(), "interrupted");
        } finally {
            deleteQuietly(input);
        }
    }

    /** Rewrites docutils' messages as twine does: {@code line 4: Warning: Inline emphasis …}. */
    private static List<String> docutilsMessages(String output) {
        List<String> problems = new ArrayList<>();
        for (String line : output.split("\\r?\\n")) {
            Matcher m = DOCUTILS_MESSAGE.matcher(line.strip());
            if (m.matches()) {
                String level = m.group(2).charAt(0) + m.group(2).substring(1).toLowerCase(java.util.Locale.ROOT);
                problems.add("line " + m.group(1) + ": " + level + ": " + m.group(3));
            }
        }
        if (problems.isEmpty()) {
            problems.add("readme_renderer could not render it (no HTML output)");
        }
        return problems;
    }

    private synchronized Optional<String> python() {
        if (usable == null) {
            usable = interpreters.stream().filter(RstRenderer::hasReadmeRenderer).findFirst();
        }
        return usable;
    }

    private static boolean hasReadmeRenderer(String python) {
        try {
            Process process = ChildEnvironment.ofThisProcess().applyTo(new ProcessBuilder(python, "-c",
                    "import readme_renderer.rst")).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is not worth failing the check for
            }
        }
    }
}
