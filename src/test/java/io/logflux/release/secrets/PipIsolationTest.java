package io.logflux.release.secrets;

import io.logflux.release.ReleaseException;
import io.logflux.release.process.ChildEnvironment;
import io.logflux.release.process.ChildRun;
import io.logflux.release.publish.InstallCheck;
import io.logflux.release.publish.InstallVerifier;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.ReleaseFile;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * verify-install cannot pass from another index: the agent's pip.conf (user and XDG places) and its PIP_* variables
 * point at an index that serves the version, the index under test does not, and the check fails without pip ever
 * asking the other index.
 */
class PipIsolationTest {
    @TempDir
    Path dir;

    @Test
    void theAgentsPipConfigurationAndPipVariablesCannotMakeTheCheckPass() throws Exception {
        Path ours = PureWheel.write(dir.resolve("ours"), "canarypkg", "1.0", null);
        try (TestIndex underTest = TestIndex.start(dir.resolve("test-index"));
             TestIndex other = TestIndex.start(dir.resolve("other-index"))) {
            other.preload(ours, "canarypkg", "1.0");
            Path home = Files.createDirectories(dir.resolve("home"));
            String config = "[global]\nindex-url = " + other.simpleUrl() + "\nextra-index-url = " + other.simpleUrl()
                    + "\nfind-links = " + ours.getParent() + "\n";
            Files.writeString(Files.createDirectories(home.resolve(".config/pip")).resolve("pip.conf"), config);
            Files.writeString(Files.createDirectories(home.resolve(".pip")).resolve("pip.conf"), config);
            Path named = Files.writeString(dir.resolve("named-pip.conf"), config);
            Map<String, String> agent = Map.of("PATH", System.getenv("PATH"), "HOME", home.toString(),
                    "PIP_CONFIG_FILE", named.toString(), "PIP_INDEX_URL", other.simpleUrl(),
                    "PIP_EXTRA_INDEX_URL", other.simpleUrl(), "PIP_FIND_LINKS", ours.getParent().toString());
            // the bait is real: pip as the agent runs it reads this configuration
            ChildRun.Result bait = ChildRun.run(List.of(DebianPython.executable(), "-m", "pip", "config", "list"),
                    dir, ChildEnvironment.of(Map.of("PATH", System.getenv("PATH"), "HOME", home.toString())),
                    Map.of(), Duration.ofMinutes(1));
            assertThat(bait.output()).contains("extra-index-url='" + other.simpleUrl() + "'");
            PackageIndex index = new PackageIndex("local", URI.create(underTest.uploadUrl()), Optional.empty(),
                    URI.create(underTest.simpleUrl()), Optional.empty(), Optional.empty());
            List<String> log = new ArrayList<>();

            Throwable failure = catchThrowable(() -> new InstallVerifier(log::add, pause -> { },
                    ChildEnvironment.of(agent)).verify(index, ReleaseFile.readRelease(List.of(ours)),
                    InstallCheck.defaults().withPython(DebianPython.executable()).withRetries(1, Duration.ZERO)));

            assertThat(failure).isInstanceOf(ReleaseException.class)
                    .hasMessageStartingWith("Installing canarypkg==1.0 from " + underTest.simpleUrl() + " failed");
            assertThat(other.requestLog()).as("pip never asked the agent's index").isEmpty();
        }
    }
}
