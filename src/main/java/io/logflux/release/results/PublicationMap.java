package io.logflux.release.results;

import io.logflux.release.publish.PublicationResult;
import io.logflux.release.publish.PublishReport;
import io.logflux.release.publish.PublishedFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;

/** A publication ({@code ok: true}; a failure is {@link FailureMap}): the index, each file with its outcome and URL, what was uploaded and skipped, served, installed. */
public final class PublicationMap {
    private PublicationMap() {
    }

    public static LinkedHashMap<String, Object> of(PublicationResult publication) {
        PublishReport report = publication.published();
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        result.put("ok", true);
        result.put("index", report.index());
        result.put("uploadUrl", report.uploadUrl());
        result.put("project", report.project());
        result.put("version", report.version());
        ArrayList<Object> files = new ArrayList<>();
        ArrayList<Object> uploaded = new ArrayList<>();
        ArrayList<Object> skipped = new ArrayList<>();
        for (PublishedFile f : report.files()) {
            LinkedHashMap<String, Object> file = new LinkedHashMap<>();
            file.put("file", f.fileName());
            file.put("sha256", f.sha256());
            file.put("size", f.size());
            file.put("outcome", f.outcome().name().toLowerCase(Locale.ROOT));
            file.put("attempts", f.attempts());
            file.put("url", publication.urlOf(f.fileName()).orElse(null));
            files.add(file);
            (f.outcome() == PublishedFile.Outcome.UPLOADED ? uploaded : skipped).add(f.fileName());
        }
        result.put("files", files);
        result.put("uploaded", uploaded);
        result.put("skipped", skipped);
        result.put("served", publication.served().isPresent());
        result.put("installedVersion", publication.installed().map(i -> i.importedVersion()).orElse(null));
        result.put("installCheck", publication.installed().map(i -> i.requirement() + " imports as "
                + i.importedVersion()).orElse(null));
        return result;
    }
}
