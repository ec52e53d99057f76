package io.logflux.release.cli;

import io.logflux.release.publish.PublishProgress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shutdown hook prints: one error line while a publish runs, nothing otherwise. */
class InterruptNoticeTest {
    @Test
    void whileAPublishRunsTheHookPrintsOneErrorLine() {
        PublishProgress progress = new PublishProgress();
        progress.started("logflux 0.2.0", "testpypi", List.of("a.whl"));
        StringWriter err = new StringWriter();

        InterruptNotice.print(progress, new PrintWriter(err));

        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("error: Stopped while publishing logflux 0.2.0 to testpypi")
                .endsWith("Run the same command again to complete the release: the files already on the index "
                        + "are skipped.");
    }

    @Test
    void whenNoPublishRunsItPrintsNothing() {
        StringWriter err = new StringWriter();

        InterruptNotice.print(new PublishProgress(), new PrintWriter(err));

        assertThat(err.toString()).isEmpty();
    }
}
