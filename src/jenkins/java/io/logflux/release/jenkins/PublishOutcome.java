package io.logflux.release.jenkins;

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
        LinkedHashMap<String, Object> result = publication != null ? PublicationMap.of(publication)
                : new LinkedHashMap<>();
        if (release != null) {
            result.put("githubRelease", GitHubReleaseMap.of(release));
        }
        return new PublishOutcome(true, result, "");
    }

    /** The same outcome with every secret of the run masked (a server may have echoed one into a message). */
    PublishOutcome redacted(RunSecrets secrets) {
        return new PublishOutcome(ok, secrets.redact(result), secrets.redact(failure));
    }

    static PublishOutcome failed(ReleaseException failure) {
        return new PublishOutcome(false, FailureMap.of(failure), failure.getMessage());
    }
}
