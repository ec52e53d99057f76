package io.logflux.release.jenkins;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.logflux.release.EngineError;
import io.logflux.release.ReleaseException;
import io.logflux.release.files.FileGlob;
import io.logflux.release.github.GitHubEndpoint;
import io.logflux.release.github.GitHubReleaseReport;
import io.logflux.release.github.GitHubReleaseRequest;
import io.logflux.release.github.GitHubReleaser;
import io.logflux.release.github.GitHubRepo;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.FileSnapshot;
import io.logflux.release.publish.Publication;
import io.logflux.release.publish.PublicationResult;
import io.logflux.release.publish.PublicationSettings;
import io.logflux.release.publish.PublishRequest;
import io.logflux.release.secret.RunSecrets;
import jenkins.MasterToSlaveFileCallable;
import okhttp3.OkHttpClient;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Publishes from the agent that holds the built files, so they are streamed from its disk and never copied to the
 * controller: to the package index, then (when asked) to the tag's GitHub release. The engine's credentials travel
 * with the callable over the (encrypted) remoting channel, as credentials-binding's secrets do, and live only as long
 * as the call; they are never logged, and {@link #toString()} does not show them.
 */
public final class PublishCallable extends MasterToSlaveFileCallable<PublishOutcome> {
    private static final long serialVersionUID = 1L;

    private final PublishRequest request;
    private final String files;
    private final TaskListener listener;
    private IndexCredentials credentials;
    private GitHubReleaseParameters github;
    private GitHubToken githubToken;
    /**
     * Set only for a workspace on the controller, where FilePath.act calls {@link #invoke} in the same JVM without
     * serializing the callable; transient, so a callable sent to an agent always uses the agent's proxy properties.
     */
    private transient OkHttpClient clientBase;

    /** @param files Ant-style patterns of the files, relative to the workspace */
    public PublishCallable(PublishRequest request, String files, TaskListener listener) {
        this.request = request;
        this.files = files;
        this.listener = listener;
    }

    /** Publish to the index of the request with these credentials. */
    public PublishCallable toIndex(IndexCredentials credentials) {
        this.credentials = credentials;
        return this;
    }

    /** Then attach the files to the GitHub release. */
    public PublishCallable toGitHub(GitHubReleaseParameters release, GitHubToken token) {
        this.github = release;
        this.githubToken = token;
        return this;
    }

    /** Send the requests through this client's proxy (Jenkins' proxy, when the callable runs on the controller). */
    PublishCallable throughControllerProxy(OkHttpClient base) {
        this.clientBase = base;
        return this;
    }

    @Override
    public PublishOutcome invoke(File workspace, VirtualChannel channel) {
        RunSecrets secrets = new RunSecrets();
        if (credentials != null) {
            secrets.add(credentials.secret());
        }
        if (githubToken != null) {
            secrets.add(githubToken.secret());
        }
        // The build log sees only what went through the run's secrets: Jenkins masks nothing for these steps.
        PrintWriter log = secrets.printer(listener.getLogger());
        try {
            Path root = workspace.toPath().toAbsolutePath().normalize();
            List<Path> paths = FileGlob.resolve(root, files);
            PublicationResult published = null;
            if (credentials != null) {
                published = new Publication(request.index(), credentials, settings(), Sleeper.REAL,
                        log::println).run(paths);
            }
            GitHubReleaseReport released = null;
            if (github != null) {
                GitHubReleaseRequest release = github.request(root, paths);
                List<FileSnapshot> snapshots = published != null ? published.snapshots(release.files())
                        : release.files().stream().map(FileSnapshot::of).toList();
                HttpSettings http = HttpSettings.defaults().withClientBase(clientBase);
                released = GitHubReleaser.connect(GitHubEndpoint.at(github.apiUrl()), githubToken,
                        GitHubRepo.parse(github.repo()), http, Sleeper.REAL, log::println).release(release, snapshots);
            }
            return PublishOutcome.of(published, released).redacted(secrets);
        } catch (ReleaseException e) {
            return PublishOutcome.failed(e).redacted(secrets);
        } catch (Error e) {
            // runs in the agent's JVM: the build log gets one line, not the JVM's stack trace
            return PublishOutcome.failed(new ReleaseException(EngineError.describe(e, "logfluxPublish")));
        } finally {
            log.flush();
        }
    }

    /** The request's settings, with clients from the controller's proxy base when there is one. */
    PublicationSettings settings() {
        PublicationSettings settings = request.settings();
        return settings.withHttp(settings.http().withClientBase(clientBase));
    }

    @Override
    public String toString() {
        return "PublishCallable[" + request.repository() + (credentials == null ? "" : ", " + credentials.source())
                + (github == null ? "" : ", GitHub " + github.repo() + " with " + githubToken.source()) + ", files="
                + files + "]";
    }
}
