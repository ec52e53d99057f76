package io.logflux.release.github;

import io.logflux.release.files.DirectoryTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        DirectoryTree.deleteQuietly(path);
    }
}
