package io.logflux.release.tokens;

import io.logflux.release.publish.ProjectHistory;
import io.logflux.release.version.Pep440Version;
import io.logflux.release.version.ReleaseTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The seed's "check PyPI project history for unauthorized uploads", automated: every version on the index should have
 * a GitHub release (every release here makes one); a version without one was uploaded some other way — with a leaked
 * token, perhaps.
 */
public final class ReleaseAudit {
    private ReleaseAudit() {
    }

    public static List<TokenFinding> audit(String index, String project, List<ProjectHistory.VersionRecord> versions,
                                           Set<String> releaseTags, String historyPage) {
        List<Pep440Version> released = releaseTags.stream().map(ReleaseAudit::tagVersion).flatMap(Optional::stream)
                .toList();
        List<TokenFinding> findings = new ArrayList<>();
        String subject = index + " " + project;
        for (ProjectHistory.VersionRecord version : versions) {
            Optional<Pep440Version> parsed = Pep440Version.tryParse(version.version());
            boolean hasRelease = parsed.map(v -> released.stream().anyMatch(r -> r.normalized()
                    .equals(v.normalized()))).orElse(false);
            if (!hasRelease) {
                findings.add(new TokenFinding(subject, "history", Level.WARN, "version " + version.version()
                        + version.firstUpload().map(t -> " (uploaded " + t + ")").orElse("")
                        + (version.yanked() ? " [yanked]" : "") + " has no GitHub release: if nobody here released "
                        + "it, it was uploaded some other way. Check " + historyPage + " and rotate the tokens"));
            }
        }
        if (findings.isEmpty()) {
            findings.add(new TokenFinding(subject, "history", Level.OK, versions.size() + " version(s) on the index, "
                    + "each with a GitHub release"));
        }
        return findings;
    }

    private static Optional<Pep440Version> tagVersion(String tag) {
        try {
            return Optional.of(ReleaseTag.parse(tag).version());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
