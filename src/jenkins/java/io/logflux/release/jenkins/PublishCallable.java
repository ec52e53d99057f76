package io.logflux.release.jenkins;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.logflux.release.ReleaseException;
import io.logflux.release.files.FileGlob;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.Publication;
import io.logflux.release.publish.PublicationResult;
import io.logflux.release.publish.Sleeper;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Publishes from the agent that holds the built files, so they are streamed from its disk and never copied to the
 * controller. The token travels with the callable over the (encrypted) remoting channel, as credentials-binding's
 * secrets do, and lives only as long as the call; it is never logged, and {@link #toString()} does not show it.
 */
public final class PublishCallable extends MasterToSlaveFileCallable<PublishOutcome> {
    private static final long serialVersionUID = 1L;

    private final PublishParameters parameters;
    private final String username;
    private final String token;
    private final String credentialsLabel;
    private final TaskListener listener;

    /**
     * @param credentialsLabel how messages name the token's origin, e.g. "credentials 'pypi-token'"
     */
    public PublishCallable(PublishParameters parameters, String username, String token, String credentialsLabel,
                           TaskListener listener) {
        this.parameters = parameters;
        this.username = username;
        this.token = token;
        this.credentialsLabel = credentialsLabel;
        this.listener = listener;
    }

    @Override
    public PublishOutcome invoke(File workspace, VirtualChannel channel) {
        PrintStream log = listener.getLogger();
        try {
            Path root = workspace.toPath().toAbsolutePath().normalize();
            List<Path> files = FileGlob.resolve(root, parameters.files());
            PublicationResult result = new Publication(parameters.index(),
                    new IndexCredentials(username, token, credentialsLabel), parameters.settings(), Sleeper.REAL,
                    log::println).run(files);
            return PublishOutcome.of(result);
        } catch (ReleaseException e) {
            return PublishOutcome.failed(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "PublishCallable[" + parameters.repository() + ", " + credentialsLabel + ", files=" + parameters.files()
                + "]";
    }
}
