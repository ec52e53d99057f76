package io.logflux.release.cli;

import io.logflux.release.ReleaseException;
import io.logflux.release.files.FileGlob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** File arguments of the commands: paths, or patterns such as dist/* that the shell did not expand. */
final class FileArguments {
    private FileArguments() {
    }

    static List<Path> expand(List<String> arguments) {
        List<Path> files = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.contains("*") || argument.contains("?")) {
                files.addAll(expandPattern(argument));
            } else {
                Path file = Path.of(argument);
                if (!Files.isRegularFile(file)) {
                    throw new ReleaseException("File " + argument + " does not exist. "
                            + "Build the package first (python -m build), or fix the path.");
                }
                files.add(file);
            }
        }
        return files;
    }

    /** A pattern the shell did not expand (quoted, or on Windows): its fixed leading directories are the base. */
    private static List<Path> expandPattern(String argument) {
        String[] segments = argument.replace('\\', '/').split("/", -1);
        int firstWild = 0;
        while (firstWild < segments.length - 1 && !segments[firstWild].contains("*")
                && !segments[firstWild].contains("?")) {
            firstWild++;
        }
        String base = String.join("/", Arrays.copyOfRange(segments, 0, firstWild));
        String pattern = String.join("/", Arrays.copyOfRange(segments, firstWild, segments.length));
        Path baseDir = base.isEmpty() ? Path.of(argument.startsWith("/") ? "/" : ".") : Path.of(base);
        if (!Files.isDirectory(baseDir)) {
            throw new ReleaseException("No files match '" + argument + "': directory " + baseDir
                    + " does not exist. Build the package first (python -m build), or fix the pattern.");
        }
        try {
            return FileGlob.resolve(baseDir, pattern);
        } catch (ReleaseException e) {
            throw new ReleaseException("No files match '" + argument + "'. Build the package first "
                    + "(python -m build), or fix the pattern.", e);
        }
    }

}
