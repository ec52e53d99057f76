package io.logflux.release.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the bundled sample project (resources/sample-sdk) in a test's directory, to edit and to build with
 * Debian's real {@code python3 -m build}.
 */
public final class SampleProject {
    public static final Path SOURCE = Path.of("resources/sample-sdk");
    private final Path dir;

    private SampleProject(Path dir) {
        this.dir = dir;
    }

    public static SampleProject copyTo(Path target) {
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path file : files.toList()) {
                String relative = SOURCE.relativize(file).toString();
                if (relative.startsWith("dist") || relative.startsWith("build") || relative.contains("egg-info")
                        || relative.contains("__pycache__")) {
                    continue;
                }
                Path copy = target.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SampleProject(target);
    }

    public Path dir() {
        return dir;
    }

    public Path dist() {
        return dir.resolve("dist");
    }

    /** Rewrites {@code __version__} in logflux/__init__.py. */
    public SampleProject withVersion(String version) {
        return replaceIn("logflux/__init__.py", "__version__ = \"[^\"]*\"", "__version__ = \"" + version + "\"");
    }

    public SampleProject replaceIn(String file, String regex, String replacement) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path);
            String changed = text.replaceAll(regex, replacement);
            if (changed.equals(text)) {
                throw new IllegalStateException(regex + " not found in " + file);
            }
            Files.writeString(path, changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces the readme: writes {@code file} and points [project].readme at it (TOML value given as is). */
    public SampleProject withReadme(String file, String content, String readmeValue) {
        write(file, content);
        return replaceIn("pyproject.toml", "readme = \"README.md\"", "readme = " + readmeValue);
    }

    public SampleProject withoutReadme() {
        return replaceIn("pyproject.toml", "readme = \"README.md\"\n", "");
    }

    public SampleProject write(String file, String content) {
        try {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Builds a wheel and an sdist into dist/ (adding to what is there) and returns dist/'s files, sorted. */
    public List<Path> build() {
        DebianPython.runOk(dir, "-m", "build", "--no-isolation", "--outdir", dist().toString(), ".");
        try (Stream<Path> files = Files.list(dist())) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path wheel(String version) {
        return dist().resolve("logflux-" + version + "-py3-none-any.whl");
    }

    public Path sdist(String version) {
        return dist().resolve("logflux-" + version + ".tar.gz");
    }
}
