package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.dist.DistMetadataReader;
import io.logflux.release.project.ProjectName;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/** A built file to release: its path, its own metadata (name, version) and its digests, read once. */
public record ReleaseFile(Path path, CoreMetadata metadata, String name, String version, FileDigests digests,
                          FileTime modified) {

    public static ReleaseFile read(Path path) {
        CoreMetadata metadata = new DistMetadataReader().read(path);
        String name = metadata.name().orElseThrow(() -> new ReleaseException(path.getFileName()
                + " has no Name in its metadata. Rebuild it with python -m build."));
        String version = metadata.version().orElseThrow(() -> new ReleaseException(path.getFileName()
                + " has no Version in its metadata. Rebuild it with python -m build."));
        FileTime modified = FileSnapshot.modifiedTime(path);
        return new ReleaseFile(path, metadata, name, version, FileDigests.of(path), modified);
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

    /** Refuses to go on when the file changed after its digests were computed (see {@link FileSnapshot}). */
    public void assertUnchanged() {
        new FileSnapshot(path, digests, modified).assertUnchanged();
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public String normalizedName() {
        return ProjectName.normalize(name);
    }
}
