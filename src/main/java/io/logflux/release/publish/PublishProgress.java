package io.logflux.release.publish;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How far one publish got, for the line printed when the process is stopped in the middle of it (Ctrl-C, SIGTERM):
 * which files the index has, which it has not, and that a re-run completes the release. The publisher reports to it
 * from its upload threads; the message is read from a shutdown hook, so every method is synchronized.
 */
public final class PublishProgress {
    private String release;
    private String index;
    private final List<String> planned = new ArrayList<>();
    private final Set<String> stored = new LinkedHashSet<>();
    private final Set<String> sending = new LinkedHashSet<>();
    private boolean running;

    /** A publish of {@code release} (e.g. "logflux 0.2.0") to {@code index} began with these files. */
    public synchronized void started(String release, String index, List<String> fileNames) {
        this.release = release;
        this.index = index;
        planned.clear();
        planned.addAll(fileNames);
        stored.clear();
        sending.clear();
        running = true;
    }

    public synchronized void sending(String fileName) {
        sending.add(fileName);
    }

    /** The index has the file: uploaded now, or already there with the same sha256. */
    public synchronized void stored(String fileName) {
        sending.remove(fileName);
        stored.add(fileName);
    }

    /** The publish ended (every file stored, or a refusal that says so itself): nothing left to tell. */
    public synchronized void finished() {
        running = false;
    }

    /** What to print when the process is stopped now; empty when no publish is under way. */
    public synchronized Optional<String> interruptedMessage() {
        if (!running) {
            return Optional.empty();
        }
        List<String> missing = planned.stream().filter(f -> !stored.contains(f)).toList();
        StringBuilder text = new StringBuilder("Stopped while publishing ").append(release).append(" to ")
                .append(index).append(": on the index: ")
                .append(stored.isEmpty() ? "none of the files" : String.join(", ", stored))
                .append("; not uploaded: ").append(missing.isEmpty() ? "none" : String.join(", ", missing));
        if (!sending.isEmpty()) {
            text.append(" (cut off while sending ").append(String.join(", ", sending))
                    .append(": an index keeps a file only when its upload completes, so no part of it is there)");
        }
        return Optional.of(text.append(". Run the same command again to complete the release: the files already "
                + "on the index are skipped.").toString());
    }
}
