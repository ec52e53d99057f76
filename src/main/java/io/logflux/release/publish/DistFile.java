package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.dist.DistMetadataReader;
import io.logflux.release.files.FileName;
import io.logflux.release.project.ProjectName;

import java.nio.file.Path;
import java.util.List;

/**
 * A built file's metadata, read before its bytes are digested: cheap (only the archive's metadata is read), so the
 * index can be asked about the release while the digests are computed. {@link #digest()} makes the {@link ReleaseFile}.
 */
public record DistFile(Path path, CoreMetadata metadata, String name, String version) {

    public static DistFile read(Path path) {
        CoreMetadata metadata = new DistMetadataReader().read(path);
        String name = metadata.name().orElseThrow(() -> new ReleaseException(path.getFileName()
                + " has no Name in its metadata. Rebuild it with python -m build."));
        String version = metadata.version().orElseThrow(() -> new ReleaseException(path.getFileName()
                + " has no Version in its metadata. Rebuild it with python -m build."));
        return new DistFile(path, metadata, name, version);
    }

    /** Reads every file's metadata and insists they are one release: one project, one version. */
    public static List<DistFile> readRelease(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new ReleaseException("No files to release. Build them first (python -m build writes dist/), or fix "
                    + "the file pattern.");
        }
        List<DistFile> files = paths.stream().map(DistFile::read).toList();
        DistFile first = files.get(0);
        for (DistFile other : files) {
            if (!other.normalizedName().equals(first.normalizedName()) || !other.version().equals(first.version())) {
                throw new ReleaseException("The files are not one release: " + first.fileName() + " is "
                        + first.name() + " " + first.version() + " but " + other.fileName() + " is " + other.name()
                        + " " + other.version() + ". Release one project and version at a time (clean dist/ "
                        + "before building).");
            }
        }
        return files;
    }

    /** The file with its bytes' facts: one pass over it. */
    public ReleaseFile digest() {
        return with(FileSnapshot.of(path));
    }

    /** The file with its bytes' facts, digested elsewhere. */
    public ReleaseFile with(FileSnapshot snapshot) {
        return new ReleaseFile(this, snapshot);
    }

    public String fileName() {
        return FileName.of(path);
    }

    public String normalizedName() {
        return ProjectName.normalize(name);
    }
}
