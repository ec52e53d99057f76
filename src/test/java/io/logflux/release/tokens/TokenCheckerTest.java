package io.logflux.release.tokens;

import io.logflux.release.github.FixturesServer;
import io.logflux.release.github.GitHubEndpoint;
import io.logflux.release.github.GitHubFixtures;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.Captured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled token check: real minted PyPI tokens, the test index for the probe, GitHub fixtures for GitHub. */
class TokenCheckerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();

    @TempDir
    Path dir;

    private TokenChecker checker(Instant now, TokenPolicy policy, boolean online, GitHubEndpoint github) {
        return new TokenChecker(policy, TokenLedger.open(dir.resolve("ledger.json")), Clock.fixed(now, ZoneOffset.UTC),
                online, github, GitHubFixtures.fastSettings(), d -> { });
    }

    private static TokenToCheck pypi(String token, String project) {
        return new TokenToCheck(TokenKind.PYPI, "credentials 'pypi-token'", token, project, null, null);
    }

    private static TokenFinding row(TokenCheckReport report, String check) {
        return report.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
    }

    private static TokenCheckReport recorded(TokenCheckReport report, String... secrets) {
        Captured.record("TokenCheckerTest", report.table() + report.toJson());
        for (String secret : secrets) {
            assertThat(report.table() + report.toJson()).doesNotContain(secret);
        }
        return report;
    }

    @Test
    void aProjectScopedTokenForTheRightIndexPasses() {
        String token = MintedTokens.mint("pypi.org", "[1,[\"logflux\"]]", "[2,[\"id-1\"]]");

        TokenCheckReport report = recorded(checker(NOW, TokenPolicy.defaults(), false, null)
                .check(List.of(pypi(token, "LogFlux"))), token);

        assertThat(report.overall()).isEqualTo(Level.OK);
        assertThat(row(report, "scope").message()).isEqualTo("scoped to project(s) logflux");
        assertThat(row(report, "age").message()).isEqualTo("0 days old (first seen by this check on 2026-11-27)");
        assertThat(report.table()).contains("credentials 'pypi-token'").endsWith("Token check: OK (0 failed, 0 "
                + "warnings)" + System.lineSeparator());
        assertThat(report.toJson()).contains("\"overall\" : \"OK\"");
    }

    @Test
    void accountWideTokensWrongIndexWrongProjectAndExpiryAreFlagged() {
        String accountWide = MintedTokens.mint("pypi.org", "[3,\"user-1\"]");
        String testPypiToken = MintedTokens.mint("test.pypi.org", "[1,[\"logflux\"]]");
        String otherProject = MintedTokens.mint("pypi.org", "[1,[\"other\"]]");
        String expired = MintedTokens.mint("pypi.org", "[0,1700000000,1600000000]", "[1,[\"logflux\"]]");
        String expiring = MintedTokens.mint("pypi.org", "[0," + NOW.plus(Duration.ofDays(10)).getEpochSecond()
                + ",1600000000]", "[1,[\"logflux\"]]");

        TokenCheckReport strict = recorded(checker(NOW, TokenPolicy.defaults(), false, null).check(List.of(
                pypi(accountWide, "logflux"))), accountWide);
        TokenCheckReport lenient = checker(NOW, new TokenPolicy(180, 365, 30, false), false, null)
                .check(List.of(pypi(accountWide, "logflux")));
        TokenCheckReport wrongIndex = checker(NOW, TokenPolicy.defaults(), false, null)
                .check(List.of(pypi(testPypiToken, "logflux")));
        TokenCheckReport wrongProject = checker(NOW, TokenPolicy.defaults(), false, null)
                .check(List.of(pypi(otherProject, "logflux")));
        TokenCheckReport old = checker(NOW, TokenPolicy.defaults(), false, null).check(List.of(pypi(expired, null)));
        TokenCheckReport soon = checker(NOW, TokenPolicy.defaults(), false, null).check(List.of(pypi(expiring, null)));

        assertThat(row(strict, "scope").level()).isEqualTo(Level.FAIL);
        assertThat(row(strict, "scope").message()).startsWith("account-wide: it can upload to every project of its "
                + "owner. Use scoped tokens: create one for project 'logflux' only");
        assertThat(row(lenient, "scope").level()).isEqualTo(Level.WARN);
        assertThat(row(wrongIndex, "index").message()).isEqualTo("a token for test.pypi.org, but configured for pypi "
                + "(pypi.org): PyPI and TestPyPI have separate accounts and tokens");
        assertThat(row(wrongProject, "scope").message()).isEqualTo("scoped to [other], not to 'logflux': uploads of it "
                + "will be refused (403)");
        assertThat(row(old, "expiry").level()).isEqualTo(Level.FAIL);
        assertThat(row(soon, "expiry").level()).isEqualTo(Level.WARN);
        assertThat(row(soon, "expiry").message()).endsWith("(10 days left)");
        assertThat(old.overall()).isEqualTo(Level.FAIL);
    }

    @Test
    void ageComesFromTheStatedDateOrTheLedgersFirstSighting() throws Exception {
        String token = MintedTokens.mint("pypi.org", "[1,[\"logflux\"]]");
        TokenToCheck stated = new TokenToCheck(TokenKind.PYPI, "credentials 'old'", token, "logflux", null,
                LocalDate.parse("2026-03-01"));

        TokenCheckReport statedAge = checker(NOW, TokenPolicy.defaults(), false, null).check(List.of(stated));
        checker(NOW.minus(Duration.ofDays(400)), TokenPolicy.defaults(), false, null).check(List.of(pypi(token, null)));
        TokenCheckReport seenLongAgo = checker(NOW, TokenPolicy.defaults(), false, null).check(List.of(pypi(token, null)));

        assertThat(row(statedAge, "age").level()).isEqualTo(Level.WARN);
        assertThat(row(statedAge, "age").message()).isEqualTo("271 days old (created 2026-03-01): rotate it (policy: "
                + "warn after 180 days, fail after 365)");
        assertThat(row(seenLongAgo, "age").level()).isEqualTo(Level.FAIL);
        assertThat(row(seenLongAgo, "age").message()).startsWith("400 days old (first seen by this check on 2025-10-23)");
        assertThat(Files.readString(dir.resolve("ledger.json"))).contains("\"firstSeen\" : \"2025-10-23\"")
                .doesNotContain(token).doesNotContain(token.substring(5, 30));
    }

    @Test
    void theOnlineProbeSaysWhatItProvesAndWhatItDoesNot() {
        String known = MintedTokens.mint("pypi.org", "[1,[\"logflux\"]]");
        String unknown = MintedTokens.mint("pypi.org", "[1,[\"logflux\"]]");
        server.index().acceptToken(known);
        PackageIndex index = PackageIndex.resolve(server.index().uploadUrl(), null, null);

        TokenCheckReport report = recorded(checker(NOW, new TokenPolicy(180, 365, 30, false), true, null)
                .probingAt(index, index).check(List.of(pypi(known, null), pypi(unknown, null))), known, unknown);

        List<TokenFinding> online = report.findings().stream().filter(f -> f.check().equals("online")).toList();
        assertThat(online.get(0).level()).isEqualTo(Level.OK);
        assertThat(online.get(0).message()).contains("This proves it exists; its signature, expiry and project scope "
                + "are checked by PyPI only at upload time");
        assertThat(online.get(1).level()).isEqualTo(Level.FAIL);
        assertThat(online.get(1).message()).startsWith("pypi refuses it (HTTP 403 \"Invalid or non-existent "
                + "authentication information.");
        assertThat(server.index().files()).isEmpty();
    }

    @Test
    void githubTokensAreAskedAboutTheirRepository() {
        FixturesServer github = FixturesServer.shared();
        URI recordedBase = github.load("get-repository");
        URI readOnlyBase = github.load("logflux-token-read-only");
        URI revokedBase = github.load("logflux-token-revoked");
        GitHubEndpoint recordedEndpoint = new GitHubEndpoint(recordedBase, "application/vnd.github.v3+json", "token",
                GitHubEndpoint.API_VERSION);

        TokenCheckReport full = recorded(checker(NOW, TokenPolicy.defaults(), true, recordedEndpoint).check(List.of(
                new TokenToCheck(TokenKind.GITHUB, "credentials 'github-token'", FixturesServer.RECORDED_TOKEN, null,
                        "octokit-fixture-org/hello-world", null))));
        TokenCheckReport readOnly = recorded(checker(NOW, TokenPolicy.defaults(), true, modern(readOnlyBase))
                .check(List.of(githubToken())), GitHubFixtures.FIXTURE_TOKEN);
        TokenCheckReport revoked = recorded(checker(NOW, TokenPolicy.defaults(), true, modern(revokedBase))
                .check(List.of(githubToken())), GitHubFixtures.FIXTURE_TOKEN);

        assertThat(row(full, "push").level()).isEqualTo(Level.OK);
        assertThat(row(full, "scopes").message()).contains("repo").contains("workflow");
        assertThat(row(full, "expiry").message()).isEqualTo("no expiry date (rotation by age)");
        assertThat(row(readOnly, "kind").message()).isEqualTo("classic personal access token");
        assertThat(row(readOnly, "push").level()).isEqualTo(Level.FAIL);
        assertThat(row(readOnly, "expiry").level()).isEqualTo(Level.WARN);
        assertThat(row(readOnly, "expiry").message()).isEqualTo("expires on 2026-12-10T18:23:26Z (13 days left)");
        assertThat(row(revoked, "valid").message()).isEqualTo("GitHub refuses it (401 \"Bad credentials\"): expired "
                + "or revoked");
        github.assertConsumed(recordedBase);
        github.assertConsumed(readOnlyBase);
        github.assertConsumed(revokedBase);
    }

    @Test
    void aGitHubAppInstallationTokenIsAcceptedWithANoteAlthoughGitHubListsNoPermissionsForIt() {
        FixturesServer github = FixturesServer.shared();
        URI base = github.load("logflux-token-app-installation");
        String app = FakeTokens.noted("ghs_0000000000000000000000000000000000000001");

        TokenCheckReport report = recorded(checker(NOW, TokenPolicy.defaults(), true, modern(base)).check(List.of(
                new TokenToCheck(TokenKind.GITHUB, "environment variable GITHUB_TOKEN", app, null,
                        "logflux/logflux-python", null))), app);

        assertThat(row(report, "kind").message()).isEqualTo("GitHub App installation token (also Actions' "
                + "GITHUB_TOKEN)");
        assertThat(row(report, "push").level()).isEqualTo(Level.OK);
        assertThat(row(report, "push").message()).startsWith("a GitHub App installation token that can see "
                + "logflux/logflux-python; GitHub does not list its permissions")
                .contains("permissions: contents: write");
        assertThat(row(report, "expiry").level()).as("an hour is what installation tokens last").isEqualTo(Level.OK);
        assertThat(row(report, "expiry").message()).isEqualTo("expires on 2026-11-27T07:00:00Z (installation tokens "
                + "last an hour and are made for each run)");
        github.assertConsumed(base);
    }

    @Test
    void aFineGrainedTokenIsJudgedByItsOwnersRoleWithANoteAboutItsOwnGrant() {
        FixturesServer github = FixturesServer.shared();
        URI base = github.load("logflux-token-fine-grained");
        String fineGrained = FakeTokens.noted("github_pat_0000000000000000000001_" + "0".repeat(58));

        TokenCheckReport report = recorded(checker(NOW, TokenPolicy.defaults(), true, modern(base)).check(List.of(
                new TokenToCheck(TokenKind.GITHUB, "credentials 'github-token'", fineGrained, null,
                        "logflux/logflux-python", null))), fineGrained);

        assertThat(row(report, "kind").message()).isEqualTo("fine-grained personal access token");
        assertThat(row(report, "push").level()).isEqualTo(Level.OK);
        assertThat(row(report, "push").message()).isEqualTo("its owner may push to logflux/logflux-python; the token "
                + "itself needs 'Contents: read and write' on it, which GitHub does not report");
        assertThat(row(report, "expiry").message()).startsWith("expires on 2027-02-01T00:00:00Z");
        github.assertConsumed(base);
    }

    @Test
    void theHistoryAuditFlagsVersionsWithoutAGithubRelease() {
        FixturesServer github = FixturesServer.shared();
        URI base = github.load("logflux-releases-list");
        server.index().preload(io.logflux.release.testing.SampleBuild.shared().wheel(), "logflux", "0.2.0");
        server.index().preload(io.logflux.release.testing.SampleBuild.shared().sdist(), "logflux", "0.1.9");
        PackageIndex index = PackageIndex.resolve(server.index().uploadUrl(), null, null);

        List<TokenFinding> findings = checker(NOW, TokenPolicy.defaults(), true, modern(base)).probingAt(index, index)
                .auditHistory("logflux", githubToken());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.WARN);
            assertThat(f.message()).startsWith("version 0.1.9 (uploaded ").contains("has no GitHub release")
                    .contains(server.index().baseUrl() + "manage/project/logflux/history/");
        });
        github.assertConsumed(base);
    }

    private static GitHubEndpoint modern(URI base) {
        return new GitHubEndpoint(base, GitHubEndpoint.MODERN_ACCEPT, "Bearer", GitHubEndpoint.API_VERSION);
    }

    private static TokenToCheck githubToken() {
        return new TokenToCheck(TokenKind.GITHUB, "credentials 'github-token'", GitHubFixtures.FIXTURE_TOKEN, null,
                "logflux/logflux-python", null);
    }
}
