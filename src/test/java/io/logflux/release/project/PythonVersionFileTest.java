package io.logflux.release.project;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PythonVersionFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "__version__ = \"0.2.0\"|0.2.0",
            "__version__ = '1.0.0-beta'|1.0.0-beta",
            "__version__: str = \"0.3.1\"|0.3.1",
            "__version__: Final[str] = '2.0'|2.0",
            "__version__ = version = '4.5.6'  # written by setuptools_scm|4.5.6",
            "__version__='7'|7",
            "__version__ = u'8.0'|8.0",
    })
    void readsModuleLevelStringLiterals(String line, String expected) throws IOException {
        Path file = write("pkg/__init__.py", "\"\"\"Docs.\"\"\"\nimport os\n\n" + line + "\n");

        VersionSource source = PythonVersionFile.read(file, dir);

        assertThat(source.versionText()).isEqualTo(expected);
        assertThat(source.kind()).isEqualTo(SourceKind.VERSION_FILE);
        assertThat(source.location()).isEqualTo("line 4: __version__");
    }

    @Test
    void namesTheLineOfTheAssignmentWithCrLfAndBom() throws IOException {
        Path file = write("pkg/__init__.py", "\uFEFF# header\r\n\r\n__version__ = \"1.2\"\r\n");

        assertThat(PythonVersionFile.read(file, dir).location()).isEqualTo("line 3: __version__");
    }

    @Test
    void doesNotConfuseComparisonsOrOtherNames() throws IOException {
        Path file = write("pkg/__init__.py", "if __version__ == '1':\n    pass\n__version_info__ = (1, 0)\n"
                + "__version__ = '1.0'\n");

        assertThat(PythonVersionFile.read(file, dir).versionText()).isEqualTo("1.0");
    }

    @Test
    void refusesAComputedVersionAndSaysWhatToWrite() throws IOException {
        Path file = write("pkg/__init__.py", "from importlib.metadata import version\n"
                + "__version__ = version('pkg')\n");

        assertThatThrownBy(() -> PythonVersionFile.read(file, dir))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("pkg/__init__.py")
                .hasMessageContaining("not a plain string literal")
                .hasMessageContaining("line 2: __version__ = version('pkg')")
                .hasMessageContaining("__version__ = \"0.2.0\"");
    }

    @Test
    void refusesAVersionAssignedOnlyInsideABlock() throws IOException {
        Path file = write("pkg/__init__.py", "try:\n    __version__ = '1.0'\nexcept ImportError:\n    pass\n");

        assertThatThrownBy(() -> PythonVersionFile.read(file, dir))
                .hasMessageContaining("not a plain string literal")
                .hasMessageContaining("line 2");
    }

    @Test
    void refusesTwoDifferentValues() throws IOException {
        Path file = write("pkg/__init__.py", "__version__ = '1.0'\n__version__ = '1.1'\n");

        assertThatThrownBy(() -> PythonVersionFile.read(file, dir))
                .hasMessageContaining("more than one way")
                .hasMessageContaining("line 1: \"1.0\"")
                .hasMessageContaining("line 2: \"1.1\"");
    }

    @Test
    void acceptsTheSameValueTwice() throws IOException {
        Path file = write("pkg/__init__.py", "__version__ = '1.0'\n__version__ = \"1.0\"\n");

        assertThat(PythonVersionFile.read(file, dir).location()).isEqualTo("line 2: __version__");
    }

    @Test
    void missingVersionSaysWhereItLooked() throws IOException {
        Path file = write("pkg/__init__.py", "import os\n");

        assertThatThrownBy(() -> PythonVersionFile.read(file, dir))
                .hasMessageContaining("No __version__ found in pkg/__init__.py")
                .hasMessageContaining("--version-file");
    }

    @Test
    void readsAnotherVariableWhenTheBuildConfigurationNamesOne() throws IOException {
        Path file = write("pkg/about.py", "VERSION = '3.1.4'\n");

        VersionSource source = PythonVersionFile.read(file, dir, "VERSION");

        assertThat(source.versionText()).isEqualTo("3.1.4");
        assertThat(source.location()).isEqualTo("line 1: VERSION");
    }

    @Test
    void readsAPlainVersionFile() throws IOException {
        Path file = write("VERSION", "  0.9.1\n");

        VersionSource source = PythonVersionFile.read(file, dir);

        assertThat(source.versionText()).isEqualTo("0.9.1");
        assertThat(source.location()).isEqualTo("file content");
    }

    @Test
    void refusesAPlainFileWithSeveralLines() throws IOException {
        Path file = write("VERSION", "0.9.1\n0.9.2\n");

        assertThatThrownBy(() -> PythonVersionFile.read(file, dir)).hasMessageContaining("only the version");
    }

    @Test
    void refusesInvalidUtf8AndOversizedFiles() throws IOException {
        Path latin1 = dir.resolve("latin.py");
        Files.write(latin1, new byte[] {'#', ' ', (byte) 0xE9, '\n'});
        Path huge = dir.resolve("huge.py");
        Files.write(huge, new byte[TextFiles.MAX_BYTES + 1]);

        assertThatThrownBy(() -> PythonVersionFile.read(latin1, dir)).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> PythonVersionFile.read(huge, dir)).hasMessageContaining("larger than");
    }
}
