package io.logflux.release.publish;

import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.project.ProjectName;

import java.nio.file.Path;
import java.util.List;

/**
 * A built file to release, read once and handed on to every phase (upload, wait, install check, GitHub release): its
 * bytes' facts ({@link FileSnapshot}: digests, size, the time that tells a rewritten file) and its own metadata.
 */
public record ReleaseFile(FileSnapshot snapshot, CoreMetadata metadata, String name, String version) {

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

    public String normalizedName() {
        return ProjectName.normalize(name);
    }
}
