package io.logflux.release.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A temporary directory that is removed, with what was written into it, when it is closed. */
final class ScratchDir implements AutoCloseable {
    private final Path path;

    private ScratchDir(Path path) {
        this.path = path;
    }

    static ScratchDir create(Path parent, String prefix) {
        try {
            return new ScratchDir(Files.createTempDirectory(parent, prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory in " + parent, e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(path)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return; // already gone
        }
        for (Path p : deepestFirst) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover in the temp folder is no reason to fail a release that is done
            }
        }
    }
}
