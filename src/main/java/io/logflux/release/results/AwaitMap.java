package io.logflux.release.results;

import io.logflux.release.publish.AwaitReport;

import java.util.LinkedHashMap;

/** A wait until served: how long, how many checks, and each file with its URL. */
public final class AwaitMap {
    private AwaitMap() {
    }

    public static LinkedHashMap<String, Object> of(AwaitReport report) {
        return new PlainMap()
                .put("waitedSeconds", report.waited().toSeconds())
                .put("checks", report.checks())
                .put("files", PlainMap.each(report.files(), f -> new PlainMap().put("file", f.fileName())
                        .put("sha256", f.sha256()).put("url", f.url())))
                .toMap();
    }
}
