package io.logflux.release.jenkins;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.logflux.release.ReleaseException;
import io.logflux.release.files.FileGlob;
import io.logflux.release.github.GitHubEndpoint;
import io.logflux.release.github.GitHubReleaseReport;
import io.logflux.release.github.GitHubReleaser;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.Publication;
import io.logflux.release.publish.PublicationResult;
import io.logflux.release.http.Sleeper;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Publishes from the agent that holds the built files, so they are streamed from its disk and never copied to the
 * controller: to the package index, then (when asked) to the tag's GitHub release. The tokens travel with the callable
 * over the (encrypted) remoting channel, as credentials-binding's secrets do, and live only as long as the call; they
 * are never logged, and {@link #toString()} does not show them.
 */
public final class PublishCallable extends MasterToSlaveFileCallable<PublishOutcome> {
    private static final long serialVersionUID = 1L;

    private final PublishParameters parameters;
    private final TaskListener listener;
    private String indexUsername;
    private String indexToken;
    private String indexCredentials;
    private GitHubReleaseParameters github;
    private String githubToken;
    private String githubCredentials;

    public PublishCallable(PublishParameters parameters, TaskListener listener) {
        this.parameters = parameters;
        this.listener = listener;
    }

    /** Publish to the index of the parameters, with this token; {@code credentials} names its origin in messages. */
    public PublishCallable toIndex(String username, String token, String credentials) {
        this.indexUsername = username;
        this.indexToken = token;
        this.indexCredentials = credentials;
        return this;
    }

    /** Then attach the files to the GitHub release. */
    public PublishCallable toGitHub(GitHubReleaseParameters release, String token, String credentials) {
        this.github = release;
        this.githubToken = token;
        this.githubCredentials = credentials;
        return this;
    }

    @Override
    public PublishOutcome invoke(File workspace, VirtualChannel channel) {
        PrintStream log = listener.getLogger();
        try {
            Path root = workspace.toPath().toAbsolutePath().normalize();
            List<Path> files = FileGlob.resolve(root, parameters.files());
            PublicationResult published = null;
            if (indexToken != null) {
                published = new Publication(parameters.index(),
                        new IndexCredentials(indexUsername, indexToken, indexCredentials), parameters.settings(),
                        Sleeper.REAL, log::println).run(files);
            }
            GitHubReleaseReport released = null;
            if (github != null) {
                released = GitHubReleaser.connect(GitHubEndpoint.at(github.apiUrl()),
                        new GitHubToken(githubToken, githubCredentials), io.logflux.release.github.GitHubRepo
                                .parse(github.repo()), HttpSettings.defaults(), Sleeper.REAL, log::println)
                        .release(github.request(root, files), GitHubReleaser.workDir());
            }
            return PublishOutcome.of(published, released);
        } catch (ReleaseException e) {
            return PublishOutcome.failed(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "PublishCallable[" + parameters.repository() + (indexCredentials == null ? "" : ", " + indexCredentials)
                + (github == null ? "" : ", GitHub " + github.repo() + " with " + githubCredentials) + ", files="
                + parameters.files() + "]";
    }
}
