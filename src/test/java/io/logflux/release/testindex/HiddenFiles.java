package io.logflux.release.testindex;

import io.logflux.release.rehearsal.Listing;
import io.logflux.release.rehearsal.StoredFile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CDN that lags: files stored from now on are missing from the listings for a number of reads, or for a while.
 * A file counts as new once {@link #stored} was told of it, before its upload is answered.
 */
final class HiddenFiles implements Listing {
    private int reads;
    private Duration delay = Duration.ZERO;
    private final Map<String, Integer> hiddenReads = new HashMap<>();
    private final Map<String, Instant> visibleFrom = new HashMap<>();

    synchronized void hideForReads(int count) {
        this.reads = count;
    }

    synchronized void hideFor(Duration time) {
        this.delay = time;
    }

    /** Applies the current settings to files not seen before. */
    synchronized void stored(List<StoredFile> files) {
        for (StoredFile f : files) {
            if (!hiddenReads.containsKey(f.filename())) {
                hiddenReads.put(f.filename(), reads);
                visibleFrom.put(f.filename(), f.uploaded().plus(delay));
            }
        }
    }

    @Override
    public synchronized List<StoredFile> shown(List<StoredFile> files) {
        List<StoredFile> shown = new ArrayList<>();
        for (StoredFile f : files) {
            Instant from = visibleFrom.getOrDefault(f.filename(), f.uploaded().plus(delay));
            if (Instant.now().isBefore(from)) {
                continue;
            }
            int hidden = hiddenReads.getOrDefault(f.filename(), 0);
            if (hidden > 0) {
                hiddenReads.put(f.filename(), hidden - 1);
            } else {
                shown.add(f);
            }
        }
        return shown;
    }
}
