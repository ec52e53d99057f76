package io.logflux.release.files;

import io.logflux.release.ReleaseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Resolves Ant-style file patterns ({@code dist/*}, {@code dist/**}{@code /*.whl}), the form Jenkins users write in
 * {@code files: 'dist/*'}, against a directory. Several patterns may be given separated by commas.
 */
public final class FileGlob {
    private FileGlob() {
    }

    public static List<Path> resolve(Path baseDir, String patterns) {
        if (patterns == null || patterns.isBlank()) {
            throw new ReleaseException("No file pattern given. Pass files such as 'dist/*'.");
        }
        if (!Files.isDirectory(baseDir)) {
            throw new ReleaseException("Directory " + baseDir + " does not exist; cannot look for '" + patterns
                    + "' in it. Check the workspace or project directory.");
        }
        TreeSet<Path> found = new TreeSet<>();
        for (String raw : patterns.split(",")) {
            String pattern = raw.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            found.addAll(matches(baseDir, AntPattern.compile(pattern)));
        }
        if (found.isEmpty()) {
            throw new ReleaseException("No files match '" + patterns.trim() + "' in " + baseDir
                    + ". Build the package first (python -m build), or fix the pattern.");
        }
        return List.copyOf(found);
    }

    private static List<Path> matches(Path baseDir, AntPattern pattern) {
        List<Path> result = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(baseDir, pattern.maxDepth())) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> pattern.matches(baseDir.relativize(p)))
                    .forEach(result::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ReleaseException("Could not list files under " + baseDir + " for pattern '" + pattern.text()
                    + "': " + e.getMessage(), e);
        }
        return result;
    }
}
