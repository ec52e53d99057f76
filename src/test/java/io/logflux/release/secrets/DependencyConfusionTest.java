package io.logflux.release.secrets;

import io.logflux.release.http.Sleeper;
import io.logflux.release.publish.InstallCheck;
import io.logflux.release.publish.InstallReport;
import io.logflux.release.publish.InstallVerifier;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.ReleaseFile;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TestPyPI case: the index under test holds our release and also, uploaded by anyone, a higher version of our
 * dependency. The install check takes our files from it and the dependency from the production index only.
 */
class DependencyConfusionTest {
    @TempDir
    Path dir;

    @Test
    void theDependencyComesFromProductionNeverFromTheIndexUnderTest() {
        Path ours = PureWheel.write(dir.resolve("ours"), "canarypkg", "1.0", "helperdep");
        Path malicious = PureWheel.write(dir.resolve("malicious"), "helperdep", "99.0", null);
        Path real = PureWheel.write(dir.resolve("real"), "helperdep", "1.0", null);
        try (TestIndex underTest = TestIndex.start(dir.resolve("test-index"));
             TestIndex production = TestIndex.start(dir.resolve("production-index"))) {
            underTest.preload(ours, "canarypkg", "1.0");
            underTest.preload(malicious, "helperdep", "99.0");
            production.preload(real, "helperdep", "1.0");
            PackageIndex index = new PackageIndex("testpypi", URI.create(underTest.uploadUrl()), Optional.empty(),
                    URI.create(underTest.simpleUrl()), Optional.of(URI.create(production.simpleUrl())),
                    Optional.empty());
            List<String> log = new ArrayList<>();

            InstallReport report = new InstallVerifier(log::add, Sleeper.REAL).verify(index,
                    ReleaseFile.readRelease(List.of(ours)), InstallCheck.defaults()
                            .withPython(DebianPython.executable()).withRetries(1, Duration.ofSeconds(1))
                            .withCommand("import helperdep, sys; sys.exit(0 if helperdep.VERSION == '1.0' else 3)"));

            assertThat(report.requirement()).isEqualTo("canarypkg==1.0");
            assertThat(underTest.requestLog()).anyMatch(line -> line.contains(ours.getFileName().toString()))
                    .noneMatch(line -> line.contains("helperdep"));
            assertThat(production.requestLog()).anyMatch(line -> line.startsWith("GET /packages/"
                    + real.getFileName()));
            assertThat(log.get(0)).contains("(dependencies from " + production.simpleUrl() + ")");
        }
    }
}
