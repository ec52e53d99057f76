package io.logflux.release.github;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token goes to the API host and the uploads host that belongs to it, nowhere else. */
class GitHubTokenHostsTest {
    @Test
    void githubComSendsItToTheApiAndUploadsHostsOnly() {
        GitHubEndpoint github = GitHubEndpoint.defaults();

        assertThat(github.mayReceiveToken(URI.create("https://api.github.com/repos/o/r"))).isTrue();
        assertThat(github.mayReceiveToken(URI.create("https://uploads.github.com/repos/o/r/releases/1/assets")))
                .isTrue();
        assertThat(github.mayReceiveToken(URI.create("https://uploads.evil.example/repos/o/r/releases/1/assets")))
                .isFalse();
        assertThat(github.mayReceiveToken(URI.create("https://github.com/o/r"))).isFalse();
    }

    @Test
    void enterpriseServerSendsItToItsOwnHostOnly() {
        GitHubEndpoint ghes = GitHubEndpoint.at("https://ghe.corp.example/api/v3");

        assertThat(ghes.mayReceiveToken(URI.create("https://ghe.corp.example/api/uploads/repos/o/r"))).isTrue();
        assertThat(ghes.mayReceiveToken(URI.create("https://uploads.github.com/repos/o/r"))).isFalse();
    }

    @Test
    void anApiUrlWithUserInfoIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> GitHubEndpoint.at("https://me:hunter2@ghe.corp.example/api/v3"))
                .isInstanceOf(ReleaseException.class)
                .hasMessage("The GitHub API URL 'https://ghe.corp.example/api/v3/' was given with a user name or "
                        + "password. Remove them from the URL: the GitHub token is the only credential sent.");
    }
}
