package io.logflux.release.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NetrcFileTest {
    @TempDir
    Path dir;

    @Test
    void writesTheUserInfoForTheHostReadableOnlyByTheUserAndDeletesItOnClose() throws Exception {
        Optional<NetrcFile> netrc = NetrcFile.forUrls(dir, List.of(URI.create("https://pypi.org/simple/"),
                URI.create("https://ci%40corp:p%3Ass@pypi.example.com:8443/simple/")));

        assertThat(netrc).isPresent();
        Path file = netrc.get().path();
        assertThat(Files.readString(file)).isEqualTo("machine pypi.example.com login ci@corp password p:ss\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        netrc.get().close();
        assertThat(file).doesNotExist();
    }

    @Test
    void noUserInfoNoFile() {
        assertThat(NetrcFile.forUrls(dir, List.of(URI.create("https://pypi.org/simple/")))).isEmpty();
    }
}
