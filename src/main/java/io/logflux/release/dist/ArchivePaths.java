package io.logflux.release.dist;

import java.util.Optional;

/** Whether an archive member's name stays inside the archive's tree when unpacked. */
public final class ArchivePaths {
    private ArchivePaths() {
    }

    /** Why the name is unsafe (absolute, a drive letter, a backslash, a '..' segment, a NUL), or empty when it is safe. */
    public static Optional<String> unsafeBecause(String name) {
        if (name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.startsWith("/")) {
            return Optional.of("it is an absolute path");
        }
        if (name.length() > 1 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return Optional.of("it starts with a drive letter");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("it contains a backslash");
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of("it contains a NUL character");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("it has a '..' segment");
            }
        }
        return Optional.empty();
    }

    public static boolean isSafe(String name) {
        return unsafeBecause(name).isEmpty();
    }
}
