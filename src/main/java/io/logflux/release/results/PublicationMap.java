package io.logflux.release.results;

import io.logflux.release.publish.PublicationResult;
import io.logflux.release.publish.PublishReport;
import io.logflux.release.publish.PublishedFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A publication ({@code ok: true}; a failure is {@link FailureMap}): the index, each file with its outcome and URL,
 * what was uploaded and skipped, served, installed.
 */
public final class PublicationMap {
    private PublicationMap() {
    }

    public static LinkedHashMap<String, Object> of(PublicationResult publication) {
        PublishReport report = publication.published();
        return new PlainMap()
                .put("ok", true)
                .put("index", report.index())
                .put("uploadUrl", report.uploadUrl())
                .put("project", report.project())
                .put("version", report.version())
                .put("files", PlainMap.each(report.files(), f -> new PlainMap().put("file", f.fileName())
                        .put("sha256", f.sha256()).put("size", f.size()).put("outcome", PlainMap.word(f.outcome()))
                        .put("attempts", f.attempts()).put("url", publication.urlOf(f.fileName()).orElse(null))))
                .put("uploaded", names(report.uploaded()))
                .put("skipped", names(report.skipped()))
                .put("served", publication.served().isPresent())
                .put("installedVersion", publication.installed().map(i -> i.importedVersion()).orElse(null))
                .put("installCheck", publication.installed().map(i -> i.requirement() + " imports as "
                        + i.importedVersion()).orElse(null))
                .put("installWay", publication.installed().map(i -> i.way().id()).orElse(null))
                .toMap();
    }

    private static ArrayList<Object> names(List<PublishedFile> files) {
        return new ArrayList<>(files.stream().map(PublishedFile::fileName).toList());
    }
}
