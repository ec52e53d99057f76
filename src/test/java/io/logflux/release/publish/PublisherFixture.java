package io.logflux.release.publish;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.ReleaseException;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The publisher against the calibrated test index: the index, its token, the sample files and the log. */
abstract class PublisherFixture {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    final Path wheel = SampleBuild.shared().wheel();
    final Path sdist = SampleBuild.shared().sdist();

    @TempDir
    Path dir;
    TestIndex index;
    String token;
    final List<String> log = new ArrayList<>();
    final List<Duration> sleeps = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void useTheIndex() {
        index = server.index();
        token = server.token();
    }

    @AfterEach
    void searchTheLogForTheToken() {
        String output = String.join("\n", log);
        Captured.record(getClass().getSimpleName(), output);
        assertThat(output).doesNotContain(token);
    }

    Publisher publisher(String secret, HttpSettings settings) {
        PackageIndex target = PackageIndex.resolve(index.uploadUrl(), null, null);
        return new Publisher(target, IndexCredentials.token(secret, "credentials 'test-pypi-token'"), settings,
                PublishOptions.defaults(), sleeps::add, log::add);
    }

    /** Another wheel of the same release, for another Python (the filename and WHEEL's tag say so). */
    Path wheelFor(String tag) {
        String name = wheel.getFileName().toString().replace("py3-none-any", tag + "-none-any");
        return ArchiveEditor.ofWheel(wheel).edit("/WHEEL", w -> w.replace("py3-none-any", tag + "-none-any"))
                .writeWheel(dir.resolve(name));
    }

    Publisher publisher() {
        return publisher(token, fastSettings());
    }

    static HttpSettings fastSettings() {
        return HttpSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(100));
    }

    ReleaseException refusal(Publisher publisher, Path... files) {
        ReleaseException e = catchThrowableOfType(ReleaseException.class, () -> publisher.publish(List.of(files)));
        assertThat(e).as("the publish should have been refused").isNotNull();
        Captured.record(getClass().getSimpleName(), e.getMessage());
        assertThat(e.getMessage()).doesNotContain(token);
        return e;
    }
}
