package io.logflux.release.github;

import io.logflux.release.ReleaseException;
import io.logflux.release.publish.FileSnapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * {@code SHA256SUMS} in the format {@code sha256sum -c} reads: "&lt;hex&gt;  &lt;name&gt;" per file, sorted by name,
 * from the sha256 the files' snapshots hold (the files are not read again).
 */
public final class ChecksumsFile {
    public static final String NAME = "SHA256SUMS";

    private ChecksumsFile() {
    }

    public static String content(List<FileSnapshot> files) {
        StringBuilder out = new StringBuilder();
        files.stream().sorted(Comparator.comparing(FileSnapshot::fileName)).forEach(file ->
                out.append(file.digests().sha256()).append("  ").append(file.fileName()).append('\n'));
        return out.toString();
    }

    /** Writes the file into {@code dir} and returns its snapshot. */
    public static FileSnapshot write(List<FileSnapshot> files, Path dir) {
        try {
            Path target = dir.resolve(NAME);
            Files.writeString(target, content(files), StandardCharsets.UTF_8);
            return FileSnapshot.of(target);
        } catch (IOException e) {
            throw new ReleaseException("Cannot write " + NAME + " in " + dir + ": " + e.getMessage(), e);
        }
    }
}
