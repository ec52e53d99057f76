package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.request.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishRequestTest {
    @Test
    void theDefaultsResolveToTheSettingsThePublicationRunsWith() {
        PublicationSettings settings = PublishRequest.builder().index("testpypi", null, null).build().settings();

        assertThat(settings.waitUntilServed()).isTrue();
        assertThat(settings.waitTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.publish().parallelUploads()).isEqualTo(3);
        assertThat(settings.publish().probeToken()).isTrue();
        assertThat(settings.publish().check().maxFileBytes()).isEqualTo(100L << 20);
        assertThat(settings.http().attempts()).isEqualTo(5);
        assertThat(settings.install().python()).isEqualTo("python3");
        assertThat(settings.verifyInstall()).isFalse();
    }

    @Test
    void textIsParsedAndRulesAreCheckedNamingTheField() {
        PublishRequest request = PublishRequest.builder().index("pypi", null, null).uploadTimeout("45m")
                .waitUntilServed(true, "90s").build();

        assertThat(request.settings().http().upload()).isEqualTo(Duration.ofMinutes(45));
        assertThat(request.settings().waitTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> PublishRequest.builder().parallelUploads(0).build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.messageFor(
                        "--parallel-uploads")).isEqualTo("--parallel-uploads takes 1 or more (1 uploads one file at "
                        + "a time); got 0."));
        assertThatThrownBy(() -> PublishRequest.builder().attempts(0).build())
                .hasMessageStartingWith("attempts takes 1 or more");
        assertThatThrownBy(() -> PublishRequest.builder().waitUntilServed(true, "soon").build())
                .isInstanceOf(ReleaseException.class).hasMessageContaining("waitTimeout 'soon' is not a duration");
        assertThatThrownBy(() -> PublishRequest.builder().index("ftp://x", null, null).build())
                .hasMessageContaining("is neither 'pypi', 'testpypi' nor an http(s) URL");
    }

    @Test
    void noneAndNoRepositoryMeanNoIndex() {
        assertThat(PublishRequest.builder().index("none", null, null).build().toIndex()).isFalse();
        assertThat(PublishRequest.defaults().toIndex()).isFalse();
        assertThat(PublishRequest.builder().index("pypi", null, null).build().toIndex()).isTrue();
    }

    @Test
    void aUserOtherThanTokenIsRefusedWherePypiNeedsAToken() {
        assertThatThrownBy(() -> IndexCredentials.forIndex(PackageIndex.PYPI, "alice", "pypi-x", "credentials 'a'"))
                .isInstanceOfSatisfying(NotATokenUserException.class, e -> assertThat(e.username()).isEqualTo("alice"))
                .hasMessageNotContaining("pypi-x");
        assertThat(IndexCredentials.forIndex(PackageIndex.PYPI, null, "pypi-x", "credentials 'a'").username())
                .isEqualTo("__token__");
        assertThat(IndexCredentials.forIndex(PackageIndex.resolve("https://example.org/legacy/", null, null),
                "alice", "pw", "credentials 'a'").username()).isEqualTo("alice");
    }
}
