package io.logflux.release.github;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to release on GitHub.
 *
 * @param name          the release title (a created release only; an existing one keeps its own)
 * @param notes         the release body (a created release only)
 * @param commit        when given, the tag must point at this commit (the build's)
 * @param keepDraft     leave the release a draft after the assets are attached
 * @param replaceAssets replace an asset of the same name but other content instead of failing
 * @param checksums     also attach {@code SHA256SUMS}
 */
public record GitHubReleaseRequest(GitHubRepo repo, String tag, String version, String name, String notes,
                                   Optional<String> commit, boolean keepDraft, boolean replaceAssets,
                                   boolean checksums, List<Path> files) {
    public GitHubReleaseRequest {
        files = List.copyOf(files);
    }

    /** "{project} {tag}" style titles: {project}, {version} and {tag} are replaced. */
    public static String title(String template, String project, String version, String tag) {
        return template.replace("{project}", project).replace("{version}", version).replace("{tag}", tag);
    }
}
