package io.logflux.release.jenkins;

import io.logflux.release.github.GitHubReleaseReport;
import io.logflux.release.github.ReleasedAsset;
import io.logflux.release.publish.PublicationResult;
import io.logflux.release.publish.PublishReport;
import io.logflux.release.publish.PublishedFile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * What {@link PublishCallable} sends back: either the step's return value (plain maps and lists, which Pipeline
 * scripts read and CPS can persist) or the failure message.
 */
public record PublishOutcome(boolean ok, LinkedHashMap<String, Object> result, String failure)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static PublishOutcome of(PublicationResult publication, GitHubReleaseReport release) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        if (publication != null) {
            putIndex(result, publication);
        }
        if (release != null) {
            LinkedHashMap<String, Object> github = new LinkedHashMap<>();
            github.put("repo", release.repo());
            github.put("tag", release.tag());
            github.put("url", release.htmlUrl());
            github.put("draft", release.draft());
            github.put("created", release.created());
            ArrayList<Object> assets = new ArrayList<>();
            for (ReleasedAsset a : release.assets()) {
                LinkedHashMap<String, Object> asset = new LinkedHashMap<>();
                asset.put("name", a.name());
                asset.put("sha256", a.sha256());
                asset.put("outcome", a.outcome().name().toLowerCase(Locale.ROOT));
                asset.put("url", a.url());
                assets.add(asset);
            }
            github.put("assets", assets);
            result.put("githubRelease", github);
        }
        return new PublishOutcome(true, result, "");
    }

    private static void putIndex(LinkedHashMap<String, Object> result, PublicationResult publication) {
        PublishReport report = publication.published();
        result.put("index", report.index());
        result.put("uploadUrl", report.uploadUrl());
        result.put("project", report.project());
        result.put("version", report.version());
        ArrayList<Object> files = new ArrayList<>();
        ArrayList<String> uploaded = new ArrayList<>();
        ArrayList<String> skipped = new ArrayList<>();
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
    }

    static PublishOutcome failed(String message) {
        return new PublishOutcome(false, new LinkedHashMap<>(), message);
    }
}
