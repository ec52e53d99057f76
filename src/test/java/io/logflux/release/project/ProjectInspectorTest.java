package io.logflux.release.project;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectInspectorTest {
    @TempDir
    Path dir;

    private final ProjectInspector inspector = new ProjectInspector();

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void theBundledSampleStatesItsVersionInInitPyAndLeavesPyprojectDynamic() {
        ProjectVersions versions = inspector.inspect(Path.of("resources/sample-sdk"), Optional.empty());

        assertThat(versions.projectName()).contains("logflux");
        assertThat(versions.sources()).singleElement().satisfies(s -> {
            assertThat(s.file().toString().replace('\\', '/')).endsWith("logflux/__init__.py");
            assertThat(s.location()).startsWith("line ").endsWith(": __version__");
        });
        assertThat(versions.notes()).anyMatch(n -> n.contains("dynamic"));
    }

    @Test
    void collectsEverySourceInOrderOfAuthority() throws IOException {
        write("pyproject.toml", "[project]\nname = \"Log.Flux\"\nversion = \"0.2.0\"\n");
        write("setup.cfg", "[metadata]\nversion = 0.2.0\n");
        write("log_flux/__init__.py", "__version__ = '0.2.0'\n");

        ProjectVersions versions = inspector.inspect(dir, Optional.empty());

        assertThat(versions.sources()).extracting(VersionSource::kind)
                .containsExactly(SourceKind.VERSION_FILE, SourceKind.PYPROJECT, SourceKind.SETUP_CFG);
    }

    @Test
    void findsTheModuleNamedByASetuptoolsAttrInASrcLayout() throws IOException {
        write("pyproject.toml", "[project]\nname = \"acme\"\ndynamic = [\"version\"]\n"
                + "[tool.setuptools.dynamic]\nversion = {attr = \"acme.about.VERSION\"}\n");
        write("src/acme/about.py", "VERSION = '5.0'\n");

        ProjectVersions versions = inspector.inspect(dir, Optional.empty());

        assertThat(versions.sources()).singleElement().satisfies(s -> {
            assertThat(s.versionText()).isEqualTo("5.0");
            assertThat(s.location()).isEqualTo("line 1: VERSION");
        });
    }

    @Test
    void anAttrThatPointsNowhereIsAnErrorNamingWhatWasTried() throws IOException {
        write("setup.cfg", "[metadata]\nname = acme\nversion = attr: acme.__version__\n");

        assertThatThrownBy(() -> inspector.inspect(dir, Optional.empty()))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("'acme.__version__'")
                .hasMessageContaining("acme/__init__.py")
                .hasMessageContaining("src/acme.py");
    }

    @Test
    void anExplicitVersionFileWinsAndMustExist() throws IOException {
        write("pyproject.toml", "[project]\nname = \"acme\"\nversion = \"1.0\"\n");
        write("acme/_meta.py", "__version__ = '1.0'\n");

        assertThat(inspector.inspect(dir, Optional.of(Path.of("acme/_meta.py"))).sources())
                .extracting(VersionSource::kind).containsExactly(SourceKind.VERSION_FILE, SourceKind.PYPROJECT);
        assertThatThrownBy(() -> inspector.inspect(dir, Optional.of(Path.of("acme/missing.py"))))
                .hasMessageContaining("Version file acme/missing.py does not exist");
    }

    @Test
    void aComputedVersionInAGuessedInitIsANoteNotAnError() throws IOException {
        write("pyproject.toml", "[project]\nname = \"acme\"\nversion = \"1.0\"\n");
        write("acme/__init__.py", "from importlib.metadata import version\n__version__ = version('acme')\n");

        ProjectVersions versions = inspector.inspect(dir, Optional.empty());

        assertThat(versions.sources()).extracting(VersionSource::kind).containsExactly(SourceKind.PYPROJECT);
        assertThat(versions.notes()).containsExactly("acme/__init__.py: no literal __version__ (not compared)");
    }

    @Test
    void noVersionAnywhereSaysWhereItLookedAndWhatToDo() throws IOException {
        write("pyproject.toml", "[project]\nname = \"acme\"\ndynamic = [\"version\"]\n");

        assertThatThrownBy(() -> inspector.inspect(dir, Optional.empty()))
                .hasMessageContaining("No package version found")
                .hasMessageContaining("acme/__init__.py")
                .hasMessageContaining("[project].version in pyproject.toml");
    }

    @Test
    void aMissingProjectDirectoryIsNamed() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> inspector.inspect(missing, Optional.empty()))
                .hasMessageContaining("Project directory " + missing + " does not exist");
    }
}
