package io.logflux.release.files;

import java.nio.file.Path;

/** How a file is named in messages: relative to the project or workspace when inside it, with '/' separators. */
public final class DisplayPath {
    private DisplayPath() {
    }

    public static String of(Path file, Path root) {
        if (root != null) {
            Path abs = file.toAbsolutePath().normalize();
            Path base = root.toAbsolutePath().normalize();
            if (abs.startsWith(base) && !abs.equals(base)) {
                return base.relativize(abs).toString().replace('\\', '/');
            }
        }
        return file.toString().replace('\\', '/');
    }
}
