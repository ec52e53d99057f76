package io.logflux.release.rehearsal;

import java.util.List;

/**
 * Which of the stored files a listing (a JSON API page, a simple page) shows: all of them on a real index; a view
 * can hold new files back, as a CDN in front of an index does.
 */
@FunctionalInterface
public interface Listing {
    Listing EVERY_FILE = files -> files;

    /** The files to show of {@code files} (those of one project or release, in upload order), for one read. */
    List<StoredFile> shown(List<StoredFile> files);
}
