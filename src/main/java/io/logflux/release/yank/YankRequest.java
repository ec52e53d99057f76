package io.logflux.release.yank;

import io.logflux.release.request.Rules;

import java.time.Duration;

/**
 * What to yank and how. A null {@code waitForManual} means zero, a null {@code tag} means {@code v<version>}: the
 * defaults the command line and the step share.
 *
 * @param useApi        use the index's programmatic yank API where it has one (PyPI has none today)
 * @param waitForManual how long to wait for a person to yank on the web page (zero: do not wait)
 * @param tag           the GitHub release's tag
 * @param deleteTag     with {@code DELETE}, delete the tag too
 */
public record YankRequest(String project, String version, String reason, boolean useApi, Duration waitForManual,
                          GitHubYankMode github, String tag, boolean deleteTag) {
    public YankRequest {
        waitForManual = Rules.notNegative("waitForManual", waitForManual == null ? Duration.ZERO : waitForManual);
        tag = tag == null || tag.isBlank() ? "v" + version : tag.strip();
    }
}
