package io.logflux.release.results;

import io.logflux.release.publish.AwaitReport;
import io.logflux.release.publish.ServedFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;

/** A wait until served: how long, how many checks, and each file with its URL. */
public final class AwaitMap {
    private AwaitMap() {
    }

    public static LinkedHashMap<String, Object> of(AwaitReport report) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        result.put("waitedSeconds", report.waited().toSeconds());
        result.put("checks", report.checks());
        ArrayList<Object> files = new ArrayList<>();
        for (ServedFile f : report.files()) {
            LinkedHashMap<String, Object> file = new LinkedHashMap<>();
            file.put("file", f.fileName());
            file.put("sha256", f.sha256());
            file.put("url", f.url());
            files.add(file);
        }
        result.put("files", files);
        return result;
    }
}
