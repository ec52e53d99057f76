package io.logflux.release.results;

import io.logflux.release.yank.YankReport;

import java.util.LinkedHashMap;

/** A yank and what was verified afterwards. */
public final class YankMap {
    private YankMap() {
    }

    public static LinkedHashMap<String, Object> of(YankReport report) {
        return new PlainMap()
                .put("project", report.project())
                .put("version", report.version())
                .put("verified", report.verified())
                .put("index", report.index())
                .put("indexYanked", report.indexYanked())
                .put("indexReason", report.indexReason())
                .put("indexHow", report.indexHow())
                .put("github", report.github())
                .put("githubVerified", report.githubVerified())
                .put("githubState", report.githubState())
                .toMap();
    }
}
