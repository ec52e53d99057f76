package io.logflux.release.tokens;

import io.logflux.release.ReleaseException;
import io.logflux.release.UnreachableException;
import io.logflux.release.github.GitHubEndpoint;
import io.logflux.release.github.GitHubReleases;
import io.logflux.release.github.GitHubRepo;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.github.GitHubTokenInfo;
import io.logflux.release.github.GitHubTokenInspector;
import io.logflux.release.project.ProjectName;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.ProjectHistory;
import io.logflux.release.publish.ReleaseYanking;
import io.logflux.release.http.Sleeper;
import io.logflux.release.publish.TokenProbe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seed's token hygiene as a scheduled check: each PyPI token decoded offline (which index, which project, expiry)
 * and optionally probed online; each GitHub token asked about its repository (valid, push, scopes, expiry); every
 * token's age against the rotation policy, from its stated creation date or the ledger's first sighting.
 */
public final class TokenChecker {
    private final TokenPolicy policy;
    private final TokenLedger ledger;
    private final Clock clock;
    private final boolean online;
    private final GitHubEndpoint github;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private PackageIndex pypi = PackageIndex.PYPI;
    private PackageIndex testPypi = PackageIndex.TESTPYPI;

    /**
     * @param ledger where first sightings are kept; null when every token states its creation date
     * @param online also ask PyPI (the empty-form probe) and GitHub
     */
    public TokenChecker(TokenPolicy policy, TokenLedger ledger, Clock clock, boolean online, GitHubEndpoint github,
                        HttpSettings settings, Sleeper sleeper) {
        this.policy = policy;
        this.ledger = ledger;
        this.clock = clock;
        this.online = online;
        this.github = github;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    /** Where the online probe goes (tests point it at a test index). */
    public TokenChecker probingAt(PackageIndex pypiIndex, PackageIndex testPypiIndex) {
        this.pypi = pypiIndex;
        this.testPypi = testPypiIndex;
        return this;
    }

    public TokenCheckReport check(List<TokenToCheck> tokens) {
        List<TokenFinding> findings = new ArrayList<>();
        for (TokenToCheck token : tokens) {
            if (token.isEmpty()) {
                findings.add(new TokenFinding(token.source(), "present", Level.FAIL, "empty: store the token there"));
                continue;
            }
            try {
                if (token.kind() == TokenKind.GITHUB) {
                    checkGitHub(token, findings);
                } else {
                    checkPypi(token, findings);
                }
            } catch (UnreachableException e) {
                findings.add(new TokenFinding(token.source(), "online", Level.WARN, "not checked online: "
                        + e.getMessage()));
            } catch (ReleaseException e) {
                findings.add(new TokenFinding(token.source(), "format", Level.FAIL, e.getMessage()));
                continue;
            }
            age(token, findings);
        }
        if (ledger != null) {
            ledger.save();
        }
        return new TokenCheckReport(findings);
    }

    /**
     * The seed's "check PyPI project history for unauthorized uploads": the project's versions on PyPI against the
     * GitHub releases of the repository the GitHub token names.
     */
    public List<TokenFinding> auditHistory(String project, TokenToCheck githubToken) {
        if (githubToken.kind() != TokenKind.GITHUB || githubToken.githubRepo().isEmpty()) {
            throw new ReleaseException("The history audit needs a GitHub token with its repository (owner/name).");
        }
        List<ProjectHistory.VersionRecord> versions = ProjectHistory.read(pypi, project, settings, sleeper);
        try (GitHubReleases releases = GitHubReleases.connect(github, new GitHubToken(githubToken.secret(),
                githubToken.source()), GitHubRepo.parse(githubToken.githubRepo().get()), settings, sleeper,
                line -> { })) {
            return ReleaseAudit.audit(pypi.label(), project, versions, releases.releaseTags(),
                    new ReleaseYanking(pypi, settings, sleeper).historyPage(project));
        }
    }

    private void checkPypi(TokenToCheck token, List<TokenFinding> findings) {
        PypiMacaroon macaroon = PypiMacaroon.decode(token.secret(), token.source());
        String index = token.kind() == TokenKind.PYPI ? "pypi" : "testpypi";
        if (!macaroon.location().equals(token.kind().macaroonLocation())) {
            findings.add(new TokenFinding(token.source(), "index", Level.FAIL, "a token for " + macaroon.location()
                    + ", but configured for " + index + " (" + token.kind().macaroonLocation() + "): PyPI and TestPyPI "
                    + "have separate accounts and tokens"));
        } else {
            findings.add(new TokenFinding(token.source(), "index", Level.OK, "minted by " + macaroon.location()));
        }
        PypiTokenScope scope = PypiTokenScope.of(macaroon);
        if (scope.accountWide()) {
            findings.add(new TokenFinding(token.source(), "scope", policy.accountWideFails() ? Level.FAIL : Level.WARN,
                    "account-wide: it can upload to every project of its owner. Use scoped tokens: create one for "
                            + token.project().map(p -> "project '" + p + "'").orElse("the project") + " only"));
        } else if (token.project().isPresent() && !scope.projectNames().isEmpty()
                && scope.projectNames().stream().map(ProjectName::normalize)
                .noneMatch(n -> n.equals(ProjectName.normalize(token.project().get())))) {
            findings.add(new TokenFinding(token.source(), "scope", Level.FAIL, "scoped to " + scope.projectNames()
                    + ", not to '" + token.project().get() + "': uploads of it will be refused (403)"));
        } else if (!scope.projectNames().isEmpty()) {
            findings.add(new TokenFinding(token.source(), "scope", Level.OK, "scoped to project(s) "
                    + String.join(", ", scope.projectNames())));
        } else {
            findings.add(new TokenFinding(token.source(), "scope", Level.WARN, "scoped by project id only ("
                    + String.join(", ", scope.projectIds()) + "); the project name cannot be compared offline"));
        }
        Instant now = clock.instant();
        scope.expires().ifPresent(expires -> findings.add(expiryFinding(token, expires, now)));
        scope.notBefore().filter(nbf -> nbf.isAfter(now)).ifPresent(nbf -> findings.add(new TokenFinding(
                token.source(), "not before", Level.WARN, "not valid before " + nbf)));
        for (String unreadable : scope.unreadable()) {
            findings.add(new TokenFinding(token.source(), "caveat", Level.WARN, "a restriction this tool cannot read: "
                    + unreadable));
        }
        if (online) {
            PackageIndex target = token.kind() == TokenKind.PYPI ? pypi : testPypi;
            TokenProbe.Result probe = TokenProbe.probe(target, IndexCredentials.token(token.secret(), token.source()),
                    settings, sleeper, line -> { });
            findings.add(switch (probe.outcome()) {
                case KNOWN -> new TokenFinding(token.source(), "online", Level.OK, index + " knows this token (HTTP "
                        + probe.status() + " to an empty upload form). This proves it exists; its signature, expiry "
                        + "and project scope are checked by PyPI only at upload time");
                case REFUSED -> new TokenFinding(token.source(), "online", Level.FAIL, index + " refuses it (HTTP "
                        + probe.status() + " \"" + probe.message() + "\"): revoked, deleted or mistyped");
                case WRONG_URL -> new TokenFinding(token.source(), "online", Level.WARN, "the probe got HTTP "
                        + probe.status() + "; the upload URL did not answer as PyPI does");
            });
        }
    }

    private void checkGitHub(TokenToCheck token, List<TokenFinding> findings) {
        findings.add(new TokenFinding(token.source(), "kind", Level.OK, GitHubTokenInspector.kindOf(token.secret())));
        if (!online || token.githubRepo().isEmpty()) {
            return;
        }
        GitHubRepo repo = GitHubRepo.parse(token.githubRepo().get());
        GitHubTokenInfo info = GitHubTokenInspector.inspect(github, new GitHubToken(token.secret(), token.source()),
                repo, settings, sleeper);
        if (info.status() == 401) {
            findings.add(new TokenFinding(token.source(), "valid", Level.FAIL, "GitHub refuses it (401 \""
                    + info.message() + "\"): expired or revoked"));
            return;
        }
        if (info.status() == 404 || info.status() == 403) {
            findings.add(new TokenFinding(token.source(), "access", Level.FAIL, "cannot see " + repo + " (HTTP "
                    + info.status() + "): grant it the repository, and SSO authorization where the organization "
                    + "requires it"));
            return;
        }
        if (info.status() != 200) {
            findings.add(new TokenFinding(token.source(), "access", Level.WARN, "GitHub answered HTTP " + info.status()
                    + " for " + repo + ": " + info.message()));
            return;
        }
        findings.add(GitHubPushJudgement.of(token, repo, info));
        if (!info.scopes().isEmpty()) {
            findings.add(new TokenFinding(token.source(), "scopes", Level.OK, String.join(", ", info.scopes())));
        }
        boolean installation = GitHubTokenInspector.isInstallationToken(token.secret());
        findings.add(info.expires().map(e -> installation && e.isAfter(clock.instant())
                        ? new TokenFinding(token.source(), "expiry", Level.OK, "expires on " + e + " (installation "
                        + "tokens last an hour and are made for each run)")
                        : expiryFinding(token, e, clock.instant()))
                .orElse(new TokenFinding(token.source(), "expiry", Level.OK, "no expiry date (rotation by age)")));
    }

    private TokenFinding expiryFinding(TokenToCheck token, Instant expires, Instant now) {
        long days = Duration.between(now, expires).toDays();
        if (!expires.isAfter(now)) {
            return new TokenFinding(token.source(), "expiry", Level.FAIL, "expired on " + expires + ": create a new "
                    + "token and store it there");
        }
        return new TokenFinding(token.source(), "expiry", days < policy.expiryWarnDays() ? Level.WARN : Level.OK,
                "expires on " + expires + " (" + days + " days left)");
    }

    private void age(TokenToCheck token, List<TokenFinding> findings) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Optional<LocalDate> stated = token.createdOn();
        LocalDate since = stated.orElseGet(() -> ledger == null ? today
                : ledger.firstSeen(token.secret(), token.source(), today));
        long days = ChronoUnit.DAYS.between(since, today);
        String basis = stated.isPresent() ? "created " + since : "first seen by this check on " + since;
        Level level = days > policy.failAgeDays() ? Level.FAIL : days > policy.warnAgeDays() ? Level.WARN : Level.OK;
        findings.add(new TokenFinding(token.source(), "age", level, days + " days old (" + basis + ")"
                + (level == Level.OK ? "" : ": rotate it (policy: warn after " + policy.warnAgeDays() + " days, fail "
                + "after " + policy.failAgeDays() + ")")));
    }
}
