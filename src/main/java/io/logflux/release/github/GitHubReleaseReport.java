package io.logflux.release.github;

import java.util.List;

/** The release as this run left it. */
public record GitHubReleaseReport(String repo, String tag, long releaseId, String htmlUrl, boolean draft,
                                  boolean created, List<ReleasedAsset> assets) {
    public GitHubReleaseReport {
        assets = List.copyOf(assets);
    }

    public String summary() {
        long uploaded = assets.stream().filter(a -> a.outcome() != ReleasedAsset.Outcome.ALREADY_PRESENT).count();
        return "GitHub release " + tag + " of " + repo + (draft ? " (draft)" : "") + ": " + uploaded + " asset(s) "
                + "uploaded, " + (assets.size() - uploaded) + " already there. " + htmlUrl;
    }
}
