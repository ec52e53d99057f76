package io.logflux.release.yank;

import java.util.ArrayList;
import java.util.List;

/**
 * What a yank did and what was verified afterwards. {@link #verified()} is false whenever a part could not be
 * confirmed: the step then marks the build UNSTABLE, the command exits 1. It never reports a yank that did not happen.
 *
 * @param indexYanked    the JSON API shows the release yanked (null when no index part ran)
 * @param indexReason    the yank reason the index shows, if any
 * @param githubVerified the GitHub release is in the state asked for (null when no GitHub part ran)
 */
public record YankReport(String project, String version, String index, Boolean indexYanked, String indexReason,
                         String indexHow, String github, Boolean githubVerified, String githubState) {

    public boolean verified() {
        return (indexYanked == null || indexYanked) && (githubVerified == null || githubVerified);
    }

    public String text() {
        List<String> lines = new ArrayList<>();
        lines.add("Yank of " + project + " " + version + ": " + (verified() ? "verified" : "NOT VERIFIED"));
        if (indexYanked != null) {
            lines.add("  " + index + ": " + (indexYanked ? "yanked" + (indexReason == null ? "" : " (reason: \""
                    + indexReason + "\")") : "not yanked") + " — " + indexHow);
        }
        if (githubVerified != null) {
            lines.add("  GitHub " + github + ": " + githubState + (githubVerified ? "" : " (not as asked)"));
        }
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
