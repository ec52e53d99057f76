package io.logflux.release.results;

import io.logflux.release.yank.YankReport;

import java.util.LinkedHashMap;

/** A yank and what was verified afterwards. */
public final class YankMap {
    private YankMap() {
    }

    public static LinkedHashMap<String, Object> of(YankReport report) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        result.put("project", report.project());
        result.put("version", report.version());
        result.put("verified", report.verified());
        result.put("index", report.index());
        result.put("indexYanked", report.indexYanked());
        result.put("indexReason", report.indexReason());
        result.put("indexHow", report.indexHow());
        result.put("github", report.github());
        result.put("githubVerified", report.githubVerified());
        result.put("githubState", report.githubState());
        return result;
    }
}
