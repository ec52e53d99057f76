package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.files.FileName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** A file as it was when its digests were computed, to notice a build rewriting it while it is being published. */
public record FileSnapshot(Path path, FileDigests digests, FileTime modified) {

    public static FileSnapshot of(Path path) {
        return of(path, modifiedTime(path));
    }

    /** Digests the file, whose modification time was {@code modifiedBefore} before anything read it. */
    static FileSnapshot of(Path path, FileTime modifiedBefore) {
        return new FileSnapshot(path, FileDigests.of(path), modifiedBefore);
    }

    /**
     * Refuses to go on when the file changed after its digests were computed: the digests sent would not match the
     * bytes, and the index would store nothing or the wrong thing.
     */
    public void assertUnchanged() {
        String name = fileName();
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new ReleaseException(name + " disappeared while it was being published (" + e.getMessage()
                    + "). Rebuild and run again: files already uploaded are skipped.", e);
        }
        if (size != digests.size() || !modifiedTime(path).equals(modified)) {
            throw new ReleaseException(name + " changed while it was being published (it is now " + size
                    + " bytes, modified " + modifiedTime(path) + "; its sha256 was computed over " + digests.size()
                    + " bytes). Something rewrote dist/ during the run: rebuild, then run again; files already "
                    + "uploaded are skipped.");
        }
    }

    public String fileName() {
        return FileName.of(path);
    }

    static FileTime modifiedTime(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new ReleaseException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
