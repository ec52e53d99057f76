package io.logflux.release.github;

import io.logflux.release.ReleaseException;
import io.logflux.release.publish.FileDigests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** {@code SHA256SUMS} in the format {@code sha256sum -c} reads: "&lt;hex&gt;  &lt;name&gt;" per file, sorted by name. */
public final class ChecksumsFile {
    public static final String NAME = "SHA256SUMS";

    private ChecksumsFile() {
    }

    public static String content(List<Path> files) {
        StringBuilder out = new StringBuilder();
        files.stream().sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(file ->
                out.append(FileDigests.of(file).sha256()).append("  ").append(file.getFileName()).append('\n'));
        return out.toString();
    }

    /** Writes the file into {@code dir} and returns its path. */
    public static Path write(List<Path> files, Path dir) {
        try {
            Path target = dir.resolve(NAME);
            Files.writeString(target, content(files), StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new ReleaseException("Cannot write " + NAME + " in " + dir + ": " + e.getMessage(), e);
        }
    }
}
