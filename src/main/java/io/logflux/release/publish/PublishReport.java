package io.logflux.release.publish;

import java.util.List;

/**
 * What a publish did: the project, version and index, and each file's outcome in upload order; {@code release} is the
 * files as read and digested once for it, in the same order, for every later phase.
 */
public record PublishReport(String index, String uploadUrl, String project, String version,
                            List<PublishedFile> files, List<ReleaseFile> release) {
    public PublishReport {
        files = List.copyOf(files);
        release = List.copyOf(release);
    }

    public List<PublishedFile> uploaded() {
        return files.stream().filter(f -> f.outcome() == PublishedFile.Outcome.UPLOADED).toList();
    }

    public List<PublishedFile> skipped() {
        return files.stream().filter(f -> f.outcome() == PublishedFile.Outcome.ALREADY_PRESENT).toList();
    }

    public String summary() {
        return "Published " + project + " " + version + " to " + index + ": " + uploaded().size() + " uploaded, "
                + skipped().size() + " already there.";
    }
}
