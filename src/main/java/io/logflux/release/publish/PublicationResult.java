package io.logflux.release.publish;

import java.util.Optional;

/** A publication's results: the upload, and when they ran, the wait until served and the install check. */
public record PublicationResult(PublishReport published, Optional<AwaitReport> served,
                                Optional<InstallReport> installed) {
    /** Where the index serves a file: from the wait's listing, else from the upload's. */
    public Optional<String> urlOf(String fileName) {
        Optional<String> servedUrl = served.flatMap(s -> s.files().stream().filter(f -> f.fileName().equals(fileName))
                .map(ServedFile::url).filter(u -> !u.isEmpty()).findFirst());
        return servedUrl.or(() -> published.files().stream().filter(f -> f.fileName().equals(fileName))
                .findFirst().flatMap(PublishedFile::url));
    }
}
