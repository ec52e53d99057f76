package io.logflux.release.jenkins;

import hudson.AbortException;
import io.logflux.release.ReleaseException;
import io.logflux.release.github.GitHubReleaseReport;
import io.logflux.release.publish.PublicationResult;
import io.logflux.release.results.FailureMap;
import io.logflux.release.results.GitHubReleaseMap;
import io.logflux.release.results.PublicationMap;
import io.logflux.release.secret.RunSecrets;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What {@link PublishCallable} sends back: the step's return value (the engine's result maps, which Pipeline scripts
 * read and CPS can persist), or on failure the failure map ({@code ok}, {@code reason}, {@code message}).
 */
public record PublishOutcome(boolean ok, LinkedHashMap<String, Object> result, String failure)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static PublishOutcome of(PublicationResult publication, GitHubReleaseReport release) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        result.put("ok", true);
        if (publication != null) {
            result.putAll(PublicationMap.of(publication));
        }
        if (release != null) {
            result.put("githubRelease", GitHubReleaseMap.of(release));
        }
        return new PublishOutcome(true, result, "");
    }

    /** The step's return value; a failure fails the step unless {@code propagate: false} asked for its map instead. */
    LinkedHashMap<String, Object> returned(boolean propagate) throws AbortException {
        if (!ok && propagate) {
            throw new AbortException(failure);
        }
        return result;
    }

    /** The same outcome with every secret of the run masked (a server may have echoed one into a message). */
    PublishOutcome redacted(RunSecrets secrets) {
        return new PublishOutcome(ok, secrets.redact(result), secrets.redact(failure));
    }

    static PublishOutcome failed(ReleaseException failure) {
        return new PublishOutcome(false, FailureMap.of(failure), failure.getMessage());
    }
}
