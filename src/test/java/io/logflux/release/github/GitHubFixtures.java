package io.logflux.release.github;

import io.logflux.release.http.HttpSettings;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.http.Sleeper;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/** Clients pointed at a loaded fixtures scenario: recorded ones speak 2022's headers, ours the current ones. */
public final class GitHubFixtures {
    /** The token our own fixture files expect (a fake: fixtures match it literally). */
    public static final String FIXTURE_TOKEN = FakeTokens.githubFixture();

    private GitHubFixtures() {
    }

    public static HttpSettings fastSettings() {
        return HttpSettings.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
    }

    static GitHubHttp recordedHttp(URI base, Sleeper sleeper, Consumer<String> log) {
        GitHubEndpoint endpoint = new GitHubEndpoint(base, "application/vnd.github.v3+json", "token",
                GitHubEndpoint.API_VERSION);
        return new GitHubHttp(endpoint, new GitHubToken(FixturesServer.RECORDED_TOKEN, "credentials 'github-token'"),
                fastSettings(), sleeper, System::currentTimeMillis, Duration.ZERO, log);
    }

    static GitHubHttp modernHttp(URI base, Sleeper sleeper, Consumer<String> log) {
        GitHubEndpoint endpoint = new GitHubEndpoint(base, GitHubEndpoint.MODERN_ACCEPT, "Bearer",
                GitHubEndpoint.API_VERSION);
        return new GitHubHttp(endpoint, new GitHubToken(FIXTURE_TOKEN, "credentials 'github-token'"), fastSettings(),
                sleeper, System::currentTimeMillis, Duration.ZERO, log);
    }
}
