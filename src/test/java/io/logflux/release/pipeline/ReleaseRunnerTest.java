package io.logflux.release.pipeline;

import io.logflux.release.ReleaseException;
import io.logflux.release.publish.PublishRequest;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.IndexRefusedException;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testing.FakeTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseRunnerTest {
    @TempDir
    Path dir;

    /** The production token is asked beside validation: refused, it stops the release before the test index. */
    @Test
    void aRefusedProductionTokenStopsTheReleaseBeforeAnythingReachesTheTestIndex() {
        String testToken = FakeTokens.testPypi();
        try (TestIndex testIndex = TestIndex.start(dir.resolve("test")).acceptToken(testToken);
             TestIndex productionIndex = TestIndex.start(dir.resolve("production")).acceptToken(FakeTokens.pypi())) {
            ReleaseTarget test = new ReleaseTarget(PackageIndex.resolve(testIndex.uploadUrl(), null, null),
                    IndexCredentials.token(testToken, "TEST_PYPI_API_TOKEN"));
            ReleaseTarget production = new ReleaseTarget(PackageIndex.resolve(productionIndex.uploadUrl(), null,
                    null), IndexCredentials.token(FakeTokens.pypi(), "PYPI_API_TOKEN"));
            List<String> log = new ArrayList<>();

            assertThatThrownBy(() -> new ReleaseRunner(log::add).run(Path.of("resources/sample-sdk"), "v0.2.0",
                    List.of(Path.of("resources/sample-dist/logflux-0.2.0-py3-none-any.whl"),
                            Path.of("resources/sample-dist/logflux-0.2.0.tar.gz")), EnumSet.allOf(Phase.class),
                    Optional.of(test), Optional.of(production), Optional.empty(), "",
                    PublishRequest.builder().build()))
                    .isInstanceOf(IndexRefusedException.class)
                    .hasMessageContaining("PYPI_API_TOKEN");

            assertThat(testIndex.files()).as("the test index got nothing").isEmpty();
            assertThat(testIndex.uploadRequests()).as("no file was sent to it").isZero();
            assertThat(log).anyMatch(line -> line.contains("\n  validate    FAILED"))
                    .anyMatch(line -> line.contains("is known to " + testIndex.uploadUrl()))
                    .noneMatch(line -> line.startsWith("== Test publication =="));
        }
    }

    @Test
    void noBuiltFilesIsARefusalForEveryPhaseNotASkippedRelease() {
        for (Phase phase : Phase.values()) {
            List<String> log = new ArrayList<>();
            assertThatThrownBy(() -> new ReleaseRunner(log::add).run(Path.of("resources/sample-sdk"), "v0.2.0",
                    List.of(), EnumSet.of(phase), Optional.empty(), Optional.empty(), Optional.empty(), "",
                    PublishRequest.builder().build()))
                    .isInstanceOf(ReleaseException.class)
                    .hasMessage("No built files to release: build them first (python3 -m build). Nothing was "
                            + "published.");
            assertThat(log).as("nothing ran, nothing reads as done").noneMatch(l -> l.contains("DONE")
                    || l.contains("SKIPPED"));
        }
    }
}
