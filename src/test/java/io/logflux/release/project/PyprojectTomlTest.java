package io.logflux.release.project;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PyprojectTomlTest {
    @TempDir
    Path dir;

    private PyprojectToml read(String toml) throws IOException {
        Path file = dir.resolve("pyproject.toml");
        Files.writeString(file, toml);
        return PyprojectToml.read(file, dir);
    }

    @Test
    void readsAStaticVersion() throws IOException {
        PyprojectToml p = read("[project]\nname = \"logflux\"\nversion = \"0.2.0\"\n");

        assertThat(p.name()).contains("logflux");
        assertThat(p.staticVersion()).map(VersionSource::versionText).contains("0.2.0");
        assertThat(p.staticVersion()).map(VersionSource::location).contains("[project].version");
        assertThat(p.dynamicVersion()).isFalse();
    }

    @Test
    void readsWhereSetuptoolsTakesADynamicVersionFrom() throws IOException {
        PyprojectToml p = read("[project]\nname = \"logflux\"\ndynamic = [\"version\", \"readme\"]\n"
                + "[tool.setuptools.dynamic]\nversion = {attr = \"logflux.__version__\"}\n"
                + "[tool.setuptools.package-dir]\n\"\" = \"src\"\n");

        assertThat(p.staticVersion()).isEmpty();
        assertThat(p.dynamicVersion()).isTrue();
        assertThat(p.versionAttr()).contains("logflux.__version__");
        assertThat(p.packageRoot()).contains("src");
    }

    @Test
    void readsSetuptoolsFileHatchAndPdmPaths() throws IOException {
        assertThat(read("[project]\nname='a'\ndynamic=['version']\n[tool.setuptools.dynamic]\n"
                + "version = {file = [\"VERSION\"]}\n").versionPath()).contains("VERSION");
        assertThat(read("[project]\nname='a'\ndynamic=['version']\n[tool.hatch.version]\n"
                + "path = \"src/a/__about__.py\"\n").versionPath()).contains("src/a/__about__.py");
        assertThat(read("[project]\nname='a'\ndynamic=['version']\n[tool.pdm.version]\nsource = \"file\"\n"
                + "path = \"a/__init__.py\"\n").versionPath()).contains("a/__init__.py");
    }

    @Test
    void readsPoetrysOwnTable() throws IOException {
        PyprojectToml p = read("[tool.poetry]\nname = \"logflux\"\nversion = \"1.0.0b1\"\n");

        assertThat(p.name()).contains("logflux");
        assertThat(p.staticVersion()).map(VersionSource::location).contains("[tool.poetry].version");
    }

    @Test
    void invalidTomlNamesTheFileAndLine() {
        assertThatThrownBy(() -> read("[project]\nname = \"logflux\"\nversion = 0.2.0\n"))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("pyproject.toml is not valid TOML")
                .hasMessageContaining("line 3");
    }
}
