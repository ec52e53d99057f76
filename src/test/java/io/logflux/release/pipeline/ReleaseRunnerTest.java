package io.logflux.release.pipeline;

import io.logflux.release.ReleaseException;
import io.logflux.release.publish.PublishRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseRunnerTest {
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
