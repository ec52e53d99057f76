package io.logflux.release.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removes a temporary directory with everything in it, as far as it can: a leftover is no reason to fail. */
public final class DirectoryTree {
    private DirectoryTree() {
    }

    public static void deleteQuietly(Path dir) {
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(dir)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return; // already gone
        }
        for (Path path : deepestFirst) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // what cannot be deleted is left behind
            }
        }
    }
}
