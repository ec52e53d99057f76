package io.logflux.release.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The parts of an upload as read, and the temporary files they hold; closing it removes those the index did not
 * store (stored ones were moved away). {@code complete} is false when reading stopped at a file over its limit: the
 * rest of the body was not read.
 */
record UploadedForm(List<FormPart> parts, boolean complete) implements AutoCloseable {
    @Override
    public void close() {
        deleteFiles(parts);
    }

    static void deleteFiles(List<FormPart> parts) {
        UncheckedIOException failure = null;
        for (FormPart part : parts) {
            Path file = part.file();
            if (file == null) {
                continue;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                failure = new UncheckedIOException("cannot remove " + file, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
