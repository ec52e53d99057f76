package io.logflux.release.yank;

import java.time.Duration;

/**
 * What to yank and how.
 *
 * @param useApi        use the index's programmatic yank API where it has one (PyPI has none today)
 * @param waitForManual how long to wait for a person to yank on the web page (zero: do not wait)
 * @param tag           the GitHub release's tag
 * @param deleteTag     with {@code DELETE}, delete the tag too
 */
public record YankRequest(String project, String version, String reason, boolean useApi, Duration waitForManual,
                          GitHubYankMode github, String tag, boolean deleteTag) {
}
