package io.logflux.release.results;

import io.logflux.release.github.GitHubReleaseReport;

import java.util.LinkedHashMap;

/** A GitHub release as this run left it, with each asset's outcome. */
public final class GitHubReleaseMap {
    private GitHubReleaseMap() {
    }

    public static LinkedHashMap<String, Object> of(GitHubReleaseReport release) {
        return new PlainMap()
                .put("repo", release.repo())
                .put("tag", release.tag())
                .put("url", release.htmlUrl())
                .put("draft", release.draft())
                .put("created", release.created())
                .put("assets", PlainMap.each(release.assets(), a -> new PlainMap().put("name", a.name())
                        .put("sha256", a.sha256()).put("outcome", PlainMap.word(a.outcome())).put("url", a.url())))
                .toMap();
    }
}
