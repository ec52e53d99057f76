package io.logflux.release.github;

import io.logflux.release.ReleaseException;
import io.logflux.release.dist.DistMetadataReader;
import io.logflux.release.version.ReleaseTag;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What to release on GitHub.
 *
 * @param name          the release title (a created release only; an existing one keeps its own)
 * @param notes         the release body, read only when the release is created (a re-run that finds it needs none)
 * @param commit        when given, the tag must point at this commit (the build's)
 * @param keepDraft     leave the release a draft after the assets are attached
 * @param replaceAssets replace an asset of the same name but other content instead of failing
 * @param checksums     also attach {@code SHA256SUMS}
 * @param latest        whether publishing makes it the repository's "Latest" ({@link GitHubLatest#AUTO} by default)
 */
public record GitHubReleaseRequest(GitHubRepo repo, String tag, String version, String name, Supplier<String> notes,
                                   Optional<String> commit, boolean keepDraft, boolean replaceAssets,
                                   boolean checksums, List<Path> files, GitHubLatest latest) {
    /** The title of a created release unless one is given. */
    public static final String DEFAULT_TITLE = "{project} {tag}";
    /** The Keep-a-Changelog file the notes come from unless other notes are given. */
    public static final String DEFAULT_NOTES_FILE = "CHANGELOG.md";

    public GitHubReleaseRequest {
        files = List.copyOf(files);
        latest = latest == null ? GitHubLatest.AUTO : latest;
    }

    /** A request whose release is marked "Latest" by {@link GitHubLatest#AUTO}. */
    public GitHubReleaseRequest(GitHubRepo repo, String tag, String version, String name, Supplier<String> notes,
                                Optional<String> commit, boolean keepDraft, boolean replaceAssets, boolean checksums,
                                List<Path> files) {
        this(repo, tag, version, name, notes, commit, keepDraft, replaceAssets, checksums, files, GitHubLatest.AUTO);
    }

    public GitHubReleaseRequest withLatest(GitHubLatest choice) {
        return new GitHubReleaseRequest(repo, tag, version, name, notes, commit, keepDraft, replaceAssets, checksums,
                files, choice);
    }

    /**
     * The request for the release of {@code tag}: the version is the tag's, the title is {@code titleTemplate} (null:
     * {@value #DEFAULT_TITLE}) filled with the files' project (else the repository's name), and the notes are asked
     * for the version only when the release is created.
     */
    public static GitHubReleaseRequest forTag(GitHubRepo repo, String tag, String titleTemplate,
                                              Function<String, String> notesOfVersion, Optional<String> commit,
                                              boolean keepDraft, boolean replaceAssets, boolean checksums,
                                              List<Path> files) {
        String version = ReleaseTag.parse(tag).version().toString();
        String title = title(titleTemplate == null ? DEFAULT_TITLE : titleTemplate, projectName(files, repo.name()),
                version, tag);
        return new GitHubReleaseRequest(repo, tag, version, title, () -> notesOfVersion.apply(version), commit,
                keepDraft, replaceAssets, checksums, files);
    }

    /** The project name from the first wheel or sdist among the files, else {@code fallback}. */
    static String projectName(List<Path> files, String fallback) {
        for (Path file : files) {
            try {
                Optional<String> name = new DistMetadataReader().read(file).name();
                if (name.isPresent()) {
                    return name.get();
                }
            } catch (ReleaseException e) {
                // not a wheel or sdist: look at the next file
            }
        }
        return fallback;
    }

    /** "{project} {tag}" style titles: {project}, {version} and {tag} are replaced. */
    static String title(String template, String project, String version, String tag) {
        return template.replace("{project}", project).replace("{version}", version).replace("{tag}", tag);
    }
}
