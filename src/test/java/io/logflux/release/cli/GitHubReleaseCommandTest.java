package io.logflux.release.cli;

import io.logflux.release.github.FixturesServer;
import io.logflux.release.github.GitHubFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** github-release as a user runs it, against scripted GitHub traffic replayed by the real fixtures server. */
class GitHubReleaseCommandTest {
    private final FixturesServer server = FixturesServer.shared();
    private final Map<String, String> env = new HashMap<>();

    @TempDir
    Path dir;


    private CliRun run(String... args) {
        CliRun run = CliRun.run(getClass().getSimpleName(), env, args);
        assertThat(run.out() + run.err()).doesNotContain(GitHubFixtures.FIXTURE_TOKEN);
        return run;
    }

    @Test
    void createsAndPublishesWithTheChangelogSectionAsNotes() throws Exception {
        URI base = server.load("logflux-create-publish");
        Path hello = Files.writeString(dir.resolve("hello.txt"), "Hello, world!\n");
        Path changelog = Files.writeString(dir.resolve("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n"
                + "## [0.2.0] - 2024-01-15\n### Added\n- First release of the SDK.\n\n## [0.1.0] - 2023-12-01\n"
                + "### Added\n- Prototype.\n");
        env.put("GITHUB_TOKEN", GitHubFixtures.FIXTURE_TOKEN);

        CliRun run = run("github-release", "--repo", "logflux/logflux-python", "--tag", "v0.2.0", "--api-url",
                base.toString(), "--name", "logflux {tag}", "--notes-file", changelog.toString(), hello.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("GitHub release v0.2.0 of logflux/logflux-python: 2 asset(s) uploaded, 0 "
                + "already there.");
        assertThat(run.err()).contains("GitHub: created a draft release for tag v0.2.0");
        server.assertConsumed(base);
    }

    @Test
    void aMissingChangelogSectionIsExplainedBeforeAnythingIsCreated() throws Exception {
        URI base = server.load("logflux-create-publish");
        Path hello = Files.writeString(dir.resolve("hello.txt"), "Hello, world!\n");
        Path changelog = Files.writeString(dir.resolve("CHANGELOG.md"), "# Changelog\n\n## [0.1.0] - 2023-12-01\n");
        env.put("GH_TOKEN", GitHubFixtures.FIXTURE_TOKEN);

        CliRun run = run("github-release", "--repo", "logflux/logflux-python", "--tag", "v0.2.0", "--api-url",
                base.toString(), "--name", "logflux {tag}", "--notes-file", changelog.toString(), hello.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: " + changelog + " has no section for 0.2.0 (looked for a heading such "
                + "as '## [0.2.0] - 2024-01-15'). Add the section, or give the notes.");
    }

    @Test
    void noTokenIsAUsageError() throws Exception {
        Path hello = Files.writeString(dir.resolve("hello.txt"), "Hello\n");

        CliRun run = run("github-release", "--repo", "logflux/logflux-python", "--tag", "v0.2.0", hello.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("No GitHub token: set GITHUB_TOKEN or GH_TOKEN, or name the variable with "
                + "--token-env.");
    }
}
