package io.logflux.release.results;

import io.logflux.release.github.GitHubReleaseReport;
import io.logflux.release.github.ReleasedAsset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;

/** A GitHub release as this run left it, with each asset's outcome. */
public final class GitHubReleaseMap {
    private GitHubReleaseMap() {
    }

    public static LinkedHashMap<String, Object> of(GitHubReleaseReport release) {
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
        return github;
    }
}
