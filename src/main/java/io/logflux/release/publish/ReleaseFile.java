package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.dist.DistMetadataReader;
import io.logflux.release.project.ProjectName;

import java.nio.file.Path;
import java.util.List;

/**
 * A built file to release, read once and handed on to every phase (upload, wait, install check, GitHub release): its
 * bytes' facts ({@link FileSnapshot}: digests, size, the time that tells a rewritten file) and its own metadata.
 */
public record ReleaseFile(FileSnapshot snapshot, CoreMetadata metadata, String name, String version) {

    public static ReleaseFile read(Path path) {
        CoreMetadata metadata = new DistMetadataReader().read(path);
        String name = metadata.name().orElseThrow(() -> new ReleaseException(path.getFileName()
                + " has no Name in its metadata. Rebuild it with python -m build."));
        String version = metadata.version().orElseThrow(() -> new ReleaseException(path.getFileName()
                + " has no Version in its metadata. Rebuild it with python -m build."));
        return new ReleaseFile(FileSnapshot.of(path), metadata, name, version);
    }

    /** Reads every file and insists they are one release: one project, one version. */
    public static List<ReleaseFile> readRelease(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new ReleaseException("No files to release. Build them first (python -m build writes dist/), or fix "
                    + "the file pattern.");
        }
        List<ReleaseFile> files = paths.stream().map(ReleaseFile::read).toList();
        ReleaseFile first = files.get(0);
        for (ReleaseFile other : files) {
            if (!other.normalizedName().equals(first.normalizedName()) || !other.version().equals(first.version())) {
                throw new ReleaseException("The files are not one release: " + first.fileName() + " is "
                        + first.name() + " " + first.version() + " but " + other.fileName() + " is " + other.name()
                        + " " + other.version() + ". Release one project and version at a time (clean dist/ "
                        + "before building).");
            }
        }
        return files;
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
