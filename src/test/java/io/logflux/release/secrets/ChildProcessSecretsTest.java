package io.logflux.release.secrets;

import io.logflux.release.http.Sleeper;
import io.logflux.release.process.ChildEnvironment;
import io.logflux.release.publish.InstallCheck;
import io.logflux.release.publish.InstallReport;
import io.logflux.release.publish.InstallVerifier;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.ReleaseFile;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The install check with canary tokens in the tool's environment and credentials in the simple index URL: every
 * child (the probe of the Python, venv, pip install, the pip that {@code pip --python} starts under the venv's
 * interpreter, the import check) is started through a wrapper that records its own {@code /proc/<pid>/environ}
 * and {@code cmdline} before running Python; none may hold a canary or the password.
 */
class ChildProcessSecretsTest {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    @TempDir
    Path dir;

    @Test
    void noChildSeesATokenOrTheIndexPassword() throws IOException {
        TestIndex index = server.index();
        Path wheel = SampleBuild.shared().wheel();
        index.preload(wheel, "logflux", "0.2.0");
        String password = "pw-" + FakeTokens.pypi();
        List<String> canaries = List.of(FakeTokens.pypi(), FakeTokens.testPypi(), FakeTokens.github(), password);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("TWINE_PASSWORD", canaries.get(0));
        environment.put("PYPI_API_TOKEN", canaries.get(0));
        environment.put("TEST_PYPI_API_TOKEN", canaries.get(1));
        environment.put("GITHUB_TOKEN", canaries.get(2));
        environment.put("PIP_INDEX_URL", "https://__token__:" + canaries.get(1) + "@evil.example/simple/");
        Path records = Files.createDirectories(dir.resolve("records"));
        String simpleWithUser = index.simpleUrl().replace("://", "://ci-user:" + password + "@");
        List<String> log = new ArrayList<>();

        InstallReport report = new InstallVerifier(log::add, Sleeper.REAL, ChildEnvironment.of(environment)).verify(
                PackageIndex.resolve(index.uploadUrl(), simpleWithUser, null),
                ReleaseFile.readRelease(List.of(wheel)), InstallCheck.defaults().withPython(wrapper(records).toString())
                        .withRetries(1, Duration.ofSeconds(1)));

        assertThat(report.importedVersion()).isEqualTo("0.2.0");
        assertThat(report.indexUrl()).isEqualTo(index.simpleUrl());
        List<String> cmdlines = read(records, ".cmdline");
        List<String> environs = read(records, ".environ");
        assertThat(cmdlines).as("probe, venv, pip install (the sample has no dependencies: one step), the same pip "
                + "under the venv's interpreter, import check").hasSize(5);
        assertThat(cmdlines.get(0)).contains(" -I -c ");
        assertThat(cmdlines.get(1)).contains(" -m venv --without-pip ");
        assertThat(cmdlines.get(2)).contains(" -m pip --python ").contains("/venv/bin/python install ")
                .contains("--no-deps").contains("--require-hashes");
        assertThat(cmdlines.get(3)).as("pip --python runs pip again with the venv's interpreter")
                .containsPattern("^/bin/sh \\S+/venv/bin/python \\S+/__pip-runner__.py .* install ");
        assertThat(cmdlines.get(4)).as("the import check runs with the venv's interpreter")
                .containsPattern("^/bin/sh \\S+/venv/bin/python -c import logflux");
        assertThat(environs).as("every child, the pip started by pip too").hasSize(5)
                .allMatch(e -> e.contains("PIP_CONFIG_FILE=/dev/null\n"))
                .noneMatch(e -> e.contains("PIP_INDEX_URL"));
        for (String canary : canaries) {
            assertThat(cmdlines).noneMatch(c -> c.contains(canary));
            assertThat(environs).noneMatch(e -> e.contains(canary));
            assertThat(log).noneMatch(line -> line.contains(canary));
        }
        assertThat(cmdlines).noneMatch(c -> c.contains("ci-user"));
        assertThat(environs.get(2)).contains("NETRC=");
        assertThat(environs.get(3)).as("the pip under the venv's interpreter reads the same netrc")
                .contains(environs.get(2).lines().filter(e -> e.startsWith("NETRC=")).findFirst().orElseThrow());
        assertThat(read(records, ".netrc-mode")).isNotEmpty().allMatch(mode -> mode.strip().equals("600"));
        // The netrc this run handed to pip (its path is in pip's recorded environment) is gone; other runs' files
        // in the temporary folder are none of this test's business.
        Path netrc = Path.of(environs.get(2).lines().filter(e -> e.startsWith("NETRC=")).findFirst().orElseThrow()
                .substring("NETRC=".length()));
        assertThat(netrc.getFileName().toString()).isEqualTo("netrc");
        assertThat(netrc).as("the netrc is deleted").doesNotExist();
        Captured.record(getClass().getSimpleName(), String.join("\n", log));
    }

    /** A python that notes its environment and arguments, and puts the same wrapper in the venvs it creates. */
    private static Path wrapper(Path records) throws IOException {
        String python = DebianPython.executable();
        String script = """
                #!/bin/sh
                n=$(($(ls "RECORDS" | grep -c 'cmdline$') + 1))
                f="RECORDS/$(printf %02d "$n")"
                cat /proc/$$/environ | tr '\\0' '\\n' > "$f.environ"
                cat /proc/$$/cmdline | tr '\\0' ' ' > "$f.cmdline"
                if [ -n "$NETRC" ]; then stat -c %a "$NETRC" > "$f.netrc-mode"; fi
                if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
                  PYTHON "$@" || exit $?
                  for venv in "$@"; do :; done
                  rm "$venv/bin/python"
                  sed "s#^exec .*#exec \\"$venv/bin/python3\\" \\"\\$@\\"#" "$0" > "$venv/bin/python"
                  chmod 700 "$venv/bin/python"
                  exit 0
                fi
                exec PYTHON "$@"
                """.replace("RECORDS", records.toString()).replace("PYTHON", python);
        Path wrapper = records.getParent().resolve("python-wrapper");
        Files.writeString(wrapper, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        return wrapper;
    }

    private static List<String> read(Path records, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(records)) {
            // named 01, 02, … in the order the children started
            List<Path> matching = files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
            List<String> texts = new ArrayList<>();
            for (Path file : matching) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }
}
