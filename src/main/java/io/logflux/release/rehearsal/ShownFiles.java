package io.logflux.release.rehearsal;

import java.util.List;

/** What the index's pages show of its storage: a project's files as the {@link Listing} lets them be seen, and where. */
final class ShownFiles {
    private final IndexStorage storage;
    private final Listing listing;
    private final String baseUrl;

    ShownFiles(IndexStorage storage, Listing listing, String baseUrl) {
        this.storage = storage;
        this.listing = listing;
        this.baseUrl = baseUrl;
    }

    IndexStorage storage() {
        return storage;
    }

    /** The files of a project (normalized name), or of one of its versions, that the pages show. */
    List<StoredFile> of(String project, String version) {
        return listing.shown(storage.files(f -> f.project().equals(project)
                && (version == null || f.version().equals(version))));
    }

    /** Where a file is downloaded from. */
    String url(StoredFile file) {
        return baseUrl + "packages/" + file.filename();
    }
}
