package io.logflux.release.files;

import io.logflux.release.ReleaseException;

import java.nio.file.Path;

/** The last element of a path, as text: the name of a file. */
public final class FileName {
    private FileName() {
    }

    /** The file's name; a path with none (a root such as {@code /}) names no file, which is the caller's error. */
    public static String of(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            throw new ReleaseException(path + " is a root directory, not a file: give the path of a file.");
        }
        return name.toString();
    }
}
