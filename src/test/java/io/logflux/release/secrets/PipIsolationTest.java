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
 * asking the other index. The agent's {@code _PIP_RUNNING_IN_SUBPROCESS} would make {@code pip --python} install
 * into the host's Python instead of the venv; it is not passed either.
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
            Map<String, String> agent = agentPointingAt(other, ours.getParent());
            List<String> log = new ArrayList<>();

            Throwable failure = catchThrowable(() -> installCheck(underTest, ours, agent, log));

            assertThat(failure).isInstanceOf(ReleaseException.class)
                    .hasMessageStartingWith("Installing canarypkg==1.0 from " + underTest.simpleUrl() + " failed");
            assertThat(other.requestLog()).as("pip never asked the agent's index").isEmpty();
        }
    }

    /**
     * The same for the install step, which the host's pip runs again under the venv's interpreter ({@code pip
     * --python}): our release is on the index under test, its dependency only on the agent's index.
     */
    @Test
    void theInstallIntoTheVenvCannotTakeADependencyFromTheAgentsIndex() throws Exception {
        Path ours = PureWheel.write(dir.resolve("ours"), "canarypkg", "1.0", "helperdep");
        Path dependency = PureWheel.write(dir.resolve("dependency"), "helperdep", "1.0", null);
        try (TestIndex underTest = TestIndex.start(dir.resolve("test-index"));
             TestIndex other = TestIndex.start(dir.resolve("other-index"))) {
            underTest.preload(ours, "canarypkg", "1.0");
            other.preload(dependency, "helperdep", "1.0");
            Map<String, String> agent = agentPointingAt(other, dependency.getParent());
            List<String> log = new ArrayList<>();

            Throwable failure = catchThrowable(() -> installCheck(underTest, ours, agent, log));

            assertThat(log).anyMatch(line -> line.contains("installs into it with --python"));
            assertThat(underTest.requestLog()).as("the release itself came from the index under test")
                    .anyMatch(line -> line.contains(ours.getFileName().toString()));
            assertThat(failure).isInstanceOf(ReleaseException.class)
                    .hasMessageStartingWith("Installing canarypkg==1.0 from " + underTest.simpleUrl() + " failed")
                    .hasMessageContaining("helperdep");
            assertThat(other.requestLog()).as("pip never asked the agent's index").isEmpty();
        }
    }

    /** The install check of {@code ours} against {@code underTest}, run with the agent's environment. */
    private static void installCheck(TestIndex underTest, Path ours, Map<String, String> agent, List<String> log) {
        PackageIndex index = new PackageIndex("local", URI.create(underTest.uploadUrl()), Optional.empty(),
                URI.create(underTest.simpleUrl()), Optional.empty(), Optional.empty());
        new InstallVerifier(log::add, pause -> { }, ChildEnvironment.of(agent)).verify(index,
                ReleaseFile.readRelease(List.of(ours)),
                InstallCheck.defaults().withPython(DebianPython.executable()).withRetries(1, Duration.ZERO));
    }

    /** An agent whose pip.conf (user and XDG places, PIP_CONFIG_FILE) and PIP_* variables name {@code other}. */
    private Map<String, String> agentPointingAt(TestIndex other, Path findLinks) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        String config = "[global]\nindex-url = " + other.simpleUrl() + "\nextra-index-url = " + other.simpleUrl()
                + "\nfind-links = " + findLinks + "\n";
        Files.writeString(Files.createDirectories(home.resolve(".config/pip")).resolve("pip.conf"), config);
        Files.writeString(Files.createDirectories(home.resolve(".pip")).resolve("pip.conf"), config);
        Path named = Files.writeString(dir.resolve("named-pip.conf"), config);
        // the bait is real: pip as the agent runs it reads this configuration
        ChildRun.Result bait = ChildRun.run(List.of(DebianPython.executable(), "-m", "pip", "config", "list"),
                dir, ChildEnvironment.of(Map.of("PATH", System.getenv("PATH"), "HOME", home.toString())),
                Map.of(), Duration.ofMinutes(1));
        assertThat(bait.output()).contains("extra-index-url='" + other.simpleUrl() + "'");
        return Map.of("PATH", System.getenv("PATH"), "HOME", home.toString(),
                "PIP_CONFIG_FILE", named.toString(), "PIP_INDEX_URL", other.simpleUrl(),
                "PIP_EXTRA_INDEX_URL", other.simpleUrl(), "PIP_FIND_LINKS", findLinks.toString(),
                "PIP_PYTHON", "/usr/bin/python3", "_PIP_RUNNING_IN_SUBPROCESS", "1");
    }
}
