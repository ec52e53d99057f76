package io.logflux.release.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A publication's results: the upload, and when they ran, the wait until served and the install check. */
public record PublicationResult(PublishReport published, Optional<AwaitReport> served,
                                Optional<InstallReport> installed) {
    /** The release's files as read and digested once by the publish (their snapshots serve the GitHub release). */
    public List<ReleaseFile> files() {
        return published.release();
    }

    /**
     * The snapshots of {@code paths}, in their order, as the publish digested them; a path the publish did not read
     * (not one of its files) is read now.
     */
    public List<FileSnapshot> snapshots(List<Path> paths) {
        return paths.stream().map(path -> files().stream().filter(f -> f.path().equals(path)).findFirst()
                .map(ReleaseFile::snapshot).orElseGet(() -> FileSnapshot.of(path))).toList();
    }

    /** Where the index serves a file: from the wait's listing, else from the upload's. */
    public Optional<String> urlOf(String fileName) {
        Optional<String> servedUrl = served.flatMap(s -> s.files().stream().filter(f -> f.fileName().equals(fileName))
                .map(ServedFile::url).filter(u -> !u.isEmpty()).findFirst());
        return servedUrl.or(() -> published.files().stream().filter(f -> f.fileName().equals(fileName))
                .findFirst().flatMap(PublishedFile::url));
    }
}
