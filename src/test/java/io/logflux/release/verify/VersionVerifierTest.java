package io.logflux.release.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.dist.InvalidDistributionException;
import io.logflux.release.testing.SampleProject;
import io.logflux.release.version.InvalidTagException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The version gate on real projects and real files built by Debian's python3 -m build. */
class VersionVerifierTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    static SampleProject released;
    static List<Path> builtFiles;
    private final VersionVerifier verifier = new VersionVerifier();

    @BeforeAll
    static void buildTheSample() {
        released = SampleProject.copyTo(shared.resolve("sample"));
        builtFiles = released.build();
    }

    private VerifyVersionReport verify(SampleProject project, String tag, List<Path> files) {
        return verifier.verify(new VerifyVersionRequest(project.dir(), tag, Optional.empty(), files));
    }

    @Test
    void theSampleAndItsBuiltFilesMatchTheirTagWithOrWithoutV() {
        for (String tag : List.of("v0.2.0", "0.2.0", "V0.2.0", "refs/tags/v0.2.0")) {
            VerifyVersionReport report = verify(released, tag, builtFiles);

            assertThat(report.ok()).as(tag).isTrue();
            assertThat(report.normalizedVersion()).isEqualTo("0.2.0");
            assertThat(report.headline()).isEqualTo("Package version 0.2.0 matches release tag " + tag);
        }
        assertThat(verify(released, "v0.2.0", builtFiles).checks()).hasSize(5)
                .allMatch(c -> c.status() == SourceCheck.Status.MATCH);
    }

    @Test
    void aWrongTagFailsWithTheSeedsMessageAndBothWaysOut() {
        VerifyVersionReport report = verify(released, "v0.1.9", builtFiles);

        assertThat(report.ok()).isFalse();
        assertThat(report.text()).startsWith("Package version (0.2.0) doesn't match release tag (0.1.9)\n")
                .contains("logflux/__init__.py")
                .contains("To release 0.1.9: set the version to 0.1.9 in logflux/__init__.py (__version__ = \"0.1.9\")")
                .contains("To release 0.2.0: the tag is wrong. Tag the release v0.2.0 and delete the tag v0.1.9");
        assertThat(report.checks()).allMatch(c -> c.status() == SourceCheck.Status.MISMATCH);
    }

    @Test
    void theSeedsBetaSpellingsAreComparedAsPep440() {
        SampleProject beta = SampleProject.copyTo(dir.resolve("beta")).withVersion("1.0.0-beta");

        VerifyVersionReport same = verify(beta, "v1.0.0-beta", List.of());
        VerifyVersionReport normalForm = verify(beta, "1.0.0b0", List.of());
        VerifyVersionReport notBeta = verify(SampleProject.copyTo(dir.resolve("b2")).withVersion("0.2.0-beta"),
                "v0.2.0", List.of());

        assertThat(same.ok()).isTrue();
        assertThat(same.normalizedVersion()).isEqualTo("1.0.0b0");
        assertThat(normalForm.ok()).isTrue();
        assertThat(notBeta.ok()).isFalse();
        assertThat(notBeta.headline()).isEqualTo("Package version (0.2.0b0) doesn't match release tag (0.2.0)");
        assertThat(notBeta.text()).contains("Tag the release v0.2.0-beta");
    }

    @Test
    void staleFilesOfAnotherVersionInDistAreNamed() throws IOException {
        SampleProject project = SampleProject.copyTo(dir.resolve("stale")).withVersion("0.1.9");
        project.build();
        project.withVersion("0.2.0");
        List<Path> all = project.build();

        VerifyVersionReport report = verify(project, "v0.2.0", all);

        assertThat(report.ok()).isFalse();
        assertThat(report.headline()).isEqualTo("Package version (0.1.9) doesn't match release tag (0.2.0)");
        assertThat(report.text()).contains("These built files are of another version: "
                + "dist/logflux-0.1.9-py3-none-any.whl (0.1.9), dist/logflux-0.1.9.tar.gz (0.1.9). "
                + "Delete them and rebuild: rm -rf dist && python -m build.");
    }

    @Test
    void aRenamedFileIsCaughtByItsEmbeddedMetadata() throws IOException {
        Path renamed = dir.resolve("logflux-0.2.1-py3-none-any.whl");
        Files.copy(released.wheel("0.2.0"), renamed);

        VerifyVersionReport report = verify(released, "v0.2.1", List.of(renamed));

        assertThat(report.ok()).isFalse();
        assertThat(report.text()).contains("its file name says 0.2.1 but its metadata says 0.2.0");
    }

    @Test
    void theProjectsOwnSourcesMustAgree() {
        SampleProject project = SampleProject.copyTo(dir.resolve("disagree"))
                .replaceIn("pyproject.toml", "dynamic = \\[\"version\"\\]", "version = \"0.2.1\"")
                .replaceIn("pyproject.toml", "\\[tool.setuptools.dynamic\\]\nversion = \\{attr = \"logflux.__version__\"\\}", "");

        VerifyVersionReport report = verify(project, "v0.2.0", List.of());

        assertThat(report.ok()).isFalse();
        assertThat(report.headline()).isEqualTo("Package version (0.2.1) doesn't match release tag (0.2.0)");
        assertThat(report.text()).contains("The project states more than one version: logflux/__init__.py says "
                + "0.2.0; pyproject.toml says 0.2.1");
    }

    @Test
    void anInvalidVersionInTheSourcesIsExplained() {
        SampleProject project = SampleProject.copyTo(dir.resolve("invalid")).withVersion("0.2.0-final");

        VerifyVersionReport report = verify(project, "v0.2.0", List.of());

        assertThat(report.ok()).isFalse();
        assertThat(report.checks()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(SourceCheck.Status.INVALID);
            assertThat(c.invalidWhy()).hasValueSatisfying(why -> assertThat(why).contains("'-final' after '0.2.0'"));
        });
        assertThat(report.text()).contains("INVALID").contains("Use a PEP 440 version such as 0.2.0");
    }

    @Test
    void aFileOfAnotherPackageIsNamed() throws IOException {
        SampleProject other = SampleProject.copyTo(dir.resolve("other"))
                .replaceIn("pyproject.toml", "name = \"logflux\"", "name = \"logflux-extras\"");
        List<Path> files = other.build();

        VerifyVersionReport report = verify(released, "v0.2.0", files);

        assertThat(report.ok()).isFalse();
        assertThat(report.nameProblems()).hasSize(2)
                .allMatch(p -> p.contains("is a build of 'logflux_extras', not of 'logflux'")
                        || p.contains("is a build of 'logflux-extras', not of 'logflux'"));
    }

    @Test
    void aTagThatIsNotAVersionIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> verify(released, "release-candidate", builtFiles))
                .isInstanceOf(InvalidTagException.class)
                .hasMessageStartingWith("Release tag 'release-candidate' is not a version");
    }

    @Test
    void aCorruptBuiltFileIsAnErrorNamingIt() throws IOException {
        Path corrupt = Files.write(dir.resolve("logflux-0.2.0-py3-none-any.whl"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> verify(released, "v0.2.0", List.of(corrupt)))
                .isInstanceOf(InvalidDistributionException.class)
                .hasMessageContaining("'logflux-0.2.0-py3-none-any.whl' is not a valid wheel");
    }

    @Test
    void theJsonReportCarriesEverySourceAndTheAdvice() throws IOException {
        JsonNode json = new ObjectMapper().readTree(verify(released, "v0.1.9", builtFiles).toJson());

        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("version").asText()).isEqualTo("0.1.9");
        assertThat(json.get("project").asText()).isEqualTo("logflux");
        assertThat(json.get("message").asText()).isEqualTo("Package version (0.2.0) doesn't match release tag (0.1.9)");
        assertThat(json.get("sources")).hasSize(5);
        assertThat(json.get("sources").get(0).get("file").asText()).isEqualTo("logflux/__init__.py");
        assertThat(json.get("sources").get(0).get("status").asText()).isEqualTo("mismatch");
        assertThat(json.get("advice")).isNotEmpty();
    }
}
