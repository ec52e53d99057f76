package io.logflux.release.jenkins;

import io.logflux.release.ReleaseException;
import io.logflux.release.github.GitHubLatest;
import io.logflux.release.github.GitHubReleaseRequest;
import io.logflux.release.github.GitHubRepo;
import io.logflux.release.github.ReleaseNotes;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The GitHub part of {@code logfluxPublish} as plain values for the agent. Holds no secret. */
public record GitHubReleaseParameters(String credentialsId, String repo, String tag, String name, String notesFile,
                                      String notes, boolean draft, boolean replaceAssets, boolean checksums,
                                      String apiUrl, String commit, String latest) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Parameters whose release is marked "Latest" by the default rule (auto). */
    public GitHubReleaseParameters(String credentialsId, String repo, String tag, String name, String notesFile,
                                   String notes, boolean draft, boolean replaceAssets, boolean checksums,
                                   String apiUrl, String commit) {
        this(credentialsId, repo, tag, name, notesFile, notes, draft, replaceAssets, checksums, apiUrl, commit, null);
    }

    /** The engine's request, for files in the workspace {@code root}. */
    GitHubReleaseRequest request(Path root, List<Path> files) {
        if (tag == null) {
            throw new ReleaseException(Messages.noGitHubTag());
        }
        return GitHubReleaseRequest.forTag(GitHubRepo.parse(repo), tag, name, version -> notes != null ? notes
                : notesFromFile(root, version), Optional.ofNullable(commit), draft, replaceAssets, checksums, files)
                .withLatest(GitHubLatest.parse(latest));
    }

    private String notesFromFile(Path root, String version) {
        Path file = root.resolve(notesFile).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new ReleaseException("No release notes: " + notesFile + " is not a file in the workspace. Give "
                    + "githubRelease notesFile: (a Keep-a-Changelog file) or notes:.");
        }
        return ReleaseNotes.fromChangelog(file, version);
    }
}
