package io.logflux.release.files;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileNameTest {
    @Test
    void theLastElementOfThePathIsTheName() {
        assertThat(FileName.of(Path.of("dist", "logflux-0.2.0-py3-none-any.whl")))
                .isEqualTo("logflux-0.2.0-py3-none-any.whl");
    }

    @Test
    void aRootNamesNoFileAndSaysSo() {
        Path root = Path.of("x").toAbsolutePath().getRoot();

        assertThatThrownBy(() -> FileName.of(root)).isInstanceOf(ReleaseException.class)
                .hasMessage(root + " is a root directory, not a file: give the path of a file.");
    }
}
