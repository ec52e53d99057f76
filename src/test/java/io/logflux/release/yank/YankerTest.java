package io.logflux.release.yank;

import io.logflux.release.ReleaseException;
import io.logflux.release.github.FixturesServer;
import io.logflux.release.github.GitHubEndpoint;
import io.logflux.release.github.GitHubFixtures;
import io.logflux.release.github.GitHubReleases;
import io.logflux.release.github.GitHubRepo;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.ReleaseYanking;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Yanking against the test index (JSON API yank fields, the proposed API, a person yanking late) and GitHub fixtures. */
class YankerTest {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    TestIndex index;
    PackageIndex target;
    final List<String> log = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    long nanos;

    @BeforeEach
    void aPublishedRelease() {
        index = server.index();
        index.preload(SampleBuild.shared().wheel(), "logflux", "0.2.0");
        target = PackageIndex.resolve(index.uploadUrl(), null, null);
    }

    @AfterEach
    void keepTheLog() {
        Captured.record(getClass().getSimpleName(), String.join("\n", log));
        assertThat(String.join("\n", log)).doesNotContain(server.token()).doesNotContain(GitHubFixtures.FIXTURE_TOKEN);
    }

    private Yanker yanker(IndexCredentials credentials, GitHubReleases github) {
        return new Yanker(new ReleaseYanking(target, GitHubFixtures.fastSettings(), sleeps::add), target, credentials,
                github, "logflux/logflux-python", d -> {
                    sleeps.add(d);
                    nanos += d.toNanos();
                }, () -> nanos, log::add);
    }

    private static YankRequest request(boolean api, Duration wait, GitHubYankMode github) {
        return new YankRequest("logflux", "0.2.0", "broken wheel", api, wait, github, "v0.2.0", true);
    }

    @Test
    void withoutAnApiItNamesThePageAndTheReasonAndDoesNotClaimTheYank() {
        YankReport report = yanker(null, null).yank(request(false, Duration.ZERO, GitHubYankMode.NONE));

        assertThat(report.verified()).isFalse();
        assertThat(report.indexYanked()).isFalse();
        assertThat(log).contains("Yank logflux 0.2.0 by hand: open " + index.baseUrl()
                + "manage/project/logflux/release/0.2.0/, choose \"Yank\", and give the reason: broken wheel");
        assertThat(report.text()).startsWith("Yank of logflux 0.2.0: NOT VERIFIED");
        assertThat(index.isYanked("logflux", "0.2.0")).isFalse();
    }

    @Test
    void waitsForAPersonToYankAndReportsTheReasonTheIndexShows() {
        index.yankAfterReads("logflux", "0.2.0", "broken wheel", 2);

        YankReport report = yanker(null, null).yank(request(false, Duration.ofMinutes(30), GitHubYankMode.NONE));

        assertThat(report.verified()).isTrue();
        assertThat(report.indexReason()).isEqualTo("broken wheel");
        assertThat(report.indexHow()).startsWith("yanked by hand on ");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(15));
    }

    @Test
    void givesUpWaitingAtTheTimeoutUnverified() {
        YankReport report = yanker(null, null).yank(request(false, Duration.ofMinutes(2), GitHubYankMode.NONE));

        assertThat(report.verified()).isFalse();
        assertThat(report.indexHow()).contains("for a person to yank it on").contains("not done yet")
                .endsWith("the JSON API still shows it NOT yanked");
        assertThat(sleeps).as("15 s doubling to a minute, the last look at the timeout")
                .containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1),
                        Duration.ofSeconds(15));
        assertThat(report.indexHow()).startsWith("waited 2 min for a person");
    }

    @Test
    void usesTheProposedApiWhereTheIndexServesIt() {
        index.withYankApi();

        YankReport report = yanker(IndexCredentials.token(server.token(), "credentials 'pypi-token'"), null)
                .yank(request(true, Duration.ZERO, GitHubYankMode.NONE));

        assertThat(report.verified()).isTrue();
        assertThat(report.indexHow()).isEqualTo("yanked through the index's API");
        assertThat(index.isYanked("logflux", "0.2.0")).isTrue();
        assertThat(report.indexReason()).isEqualTo("broken wheel");
    }

    @Test
    void anIndexWithoutTheApiFallsBackToThePage() {
        YankReport report = yanker(IndexCredentials.token(server.token(), "credentials 'pypi-token'"), null)
                .yank(request(true, Duration.ZERO, GitHubYankMode.NONE));

        assertThat(report.verified()).isFalse();
        assertThat(log).anyMatch(l -> l.contains("has no programmatic yank (PyPI has none today; warehouse PR 16912 "
                + "proposes one). Falling back to the web page."));
    }

    @Test
    void anUnknownVersionIsRefusedBeforeAnythingHappens() {
        assertThatThrownBy(() -> yanker(null, null).yank(new YankRequest("logflux", "9.9.9", "x", false,
                Duration.ZERO, GitHubYankMode.NONE, "v9.9.9", false)))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("has no release logflux 9.9.9");
    }

    @Test
    void githubDeleteRemovesTheReleaseAndTheTagAndIsVerified() {
        index.yank("logflux", "0.2.0", "broken wheel");
        FixturesServer fixtures = FixturesServer.shared();
        URI base = fixtures.load("logflux-yank-delete");

        YankReport report = yanker(null, github(base)).yank(request(false, Duration.ZERO, GitHubYankMode.DELETE));

        assertThat(report.verified()).isTrue();
        assertThat(report.indexHow()).isEqualTo("was already yanked");
        assertThat(report.githubState()).isEqualTo("release deleted, tag deleted");
        fixtures.assertConsumed(base);
    }

    @Test
    void githubMarkKeepsTheReleaseAsAYankedPrerelease() {
        index.yank("logflux", "0.2.0", "broken wheel");
        FixturesServer fixtures = FixturesServer.shared();
        URI base = fixtures.load("logflux-yank-mark");

        YankReport report = yanker(null, github(base)).yank(request(false, Duration.ZERO, GitHubYankMode.MARK));

        assertThat(report.verified()).isTrue();
        assertThat(report.text()).contains("GitHub logflux/logflux-python v0.2.0: marked as yanked");
        fixtures.assertConsumed(base);
    }

    private GitHubReleases github(URI base) {
        return GitHubReleases.connect(new GitHubEndpoint(base, GitHubEndpoint.MODERN_ACCEPT, "Bearer",
                        GitHubEndpoint.API_VERSION), new GitHubToken(GitHubFixtures.FIXTURE_TOKEN,
                        "credentials 'github-token'"), GitHubRepo.parse("logflux/logflux-python"),
                GitHubFixtures.fastSettings(), d -> { }, log::add);
    }
}
