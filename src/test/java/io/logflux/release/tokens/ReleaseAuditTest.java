package io.logflux.release.tokens;

import io.logflux.release.http.HttpSettings;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.ProjectHistory;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload-history audit: the index's versions (JSON API) against the GitHub release tags. */
class ReleaseAuditTest {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();

    @Test
    void aVersionWithoutAGithubReleaseIsFlagged() {
        server.index().preload(SampleBuild.shared().wheel(), "logflux", "0.2.0");
        server.index().preload(SampleBuild.shared().sdist(), "logflux", "0.2.0");
        server.index().yank("logflux", "0.2.0", "broken wheel");
        List<ProjectHistory.VersionRecord> history = ProjectHistory.read(PackageIndex.resolve(
                server.index().uploadUrl(), null, null), "LogFlux", HttpSettings.defaults(), d -> { });

        List<TokenFinding> none = ReleaseAudit.audit("pypi", "logflux", history, Set.of("v0.1.0"), "https://x/history/");
        List<TokenFinding> all = ReleaseAudit.audit("pypi", "logflux", history, Set.of("v0.2.0", "v0.1.0"), "h");

        assertThat(history).hasSize(1);
        assertThat(history.get(0).version()).isEqualTo("0.2.0");
        assertThat(history.get(0).yanked()).isTrue();
        assertThat(history.get(0).yankedReason()).contains("broken wheel");
        assertThat(history.get(0).firstUpload()).isPresent();
        assertThat(none).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.WARN);
            assertThat(f.message()).startsWith("version 0.2.0 (uploaded ").contains("[yanked] has no GitHub release")
                    .endsWith("Check https://x/history/ and rotate the tokens");
        });
        assertThat(all).singleElement().satisfies(f -> assertThat(f.level()).isEqualTo(Level.OK));
    }
}
