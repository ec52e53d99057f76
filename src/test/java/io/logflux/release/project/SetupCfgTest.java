package io.logflux.release.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SetupCfgTest {
    @TempDir
    Path dir;

    private SetupCfg read(String text) throws IOException {
        Path file = dir.resolve("setup.cfg");
        Files.writeString(file, text);
        return SetupCfg.read(file);
    }

    @Test
    void readsALiteralVersionFromTheMetadataSectionOnly() throws IOException {
        SetupCfg cfg = read("[options]\nversion = 9.9\n\n[metadata]\n# comment\nname = logflux\nversion: 0.2.0\n"
                + "description = first line\n  continued\n[bdist_wheel]\nuniversal = 1\n");

        assertThat(cfg.name()).contains("logflux");
        assertThat(cfg.literalVersion()).map(VersionSource::versionText).contains("0.2.0");
        assertThat(cfg.literalVersion()).map(VersionSource::location).contains("[metadata] version");
    }

    @Test
    void readsAttrAndFileDirectives() throws IOException {
        assertThat(read("[metadata]\nname = a\nversion = attr: a.__version__\n").versionAttr())
                .contains("a.__version__");
        assertThat(read("[metadata]\nname = a\nversion = file: VERSION.txt\n").versionFile())
                .contains("VERSION.txt");
    }

    @Test
    void noVersionIsNoSource() throws IOException {
        SetupCfg cfg = read("[metadata]\nname = a\n");

        assertThat(cfg.literalVersion()).isEmpty();
        assertThat(cfg.versionAttr()).isEmpty();
    }
}
