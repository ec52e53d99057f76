package io.logflux.release.publish;

import io.logflux.release.dist.CoreMetadata;

import java.nio.file.Path;
import java.util.List;

/**
 * A built file to release, read once and handed on to every phase (upload, wait, install check, GitHub release): its
 * metadata ({@link DistFile}) and its bytes' facts ({@link FileSnapshot}: digests, size, the time that tells a
 * rewritten file).
 */
public record ReleaseFile(DistFile dist, FileSnapshot snapshot) {

    public static ReleaseFile read(Path path) {
        return DistFile.read(path).digest();
    }

    /** Reads every file and insists they are one release: one project, one version. */
    public static List<ReleaseFile> readRelease(List<Path> paths) {
        return DistFile.readRelease(paths).stream().map(DistFile::digest).toList();
    }

    public Path path() {
        return snapshot.path();
    }

    public FileDigests digests() {
        return snapshot.digests();
    }

    /** Refuses to go on when the file changed after its digests were computed (see {@link FileSnapshot}). */
    public void assertUnchanged() {
        snapshot.assertUnchanged();
    }

    public String fileName() {
        return snapshot.fileName();
    }

    public CoreMetadata metadata() {
        return dist.metadata();
    }

    public String name() {
        return dist.name();
    }

    public String version() {
        return dist.version();
    }

    public String normalizedName() {
        return dist.normalizedName();
    }
}
