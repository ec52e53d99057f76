package io.logflux.release.files;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileGlobTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        for (String name : List.of("dist/a-1.0-py3-none-any.whl", "dist/a-1.0.tar.gz", "dist/old/a-0.9.tar.gz",
                "README.md", "build/lib/a/__init__.py")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }
    }

    private List<String> resolve(String patterns) {
        return FileGlob.resolve(dir, patterns).stream()
                .map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
    }

    @Test
    void aStarStaysWithinOneDirectoryAndSkipsDirectories() {
        assertThat(resolve("dist/*")).containsExactly("dist/a-1.0-py3-none-any.whl", "dist/a-1.0.tar.gz");
    }

    @Test
    void doubleStarCrossesDirectories() {
        assertThat(resolve("dist/**/*.tar.gz")).containsExactly("dist/a-1.0.tar.gz", "dist/old/a-0.9.tar.gz");
        assertThat(resolve("**/__init__.py")).containsExactly("build/lib/a/__init__.py");
    }

    @Test
    void severalPatternsAreSeparatedByCommasWithoutDuplicates() {
        assertThat(resolve("dist/*.whl, dist/*.whl ,README.md"))
                .containsExactly("README.md", "dist/a-1.0-py3-none-any.whl");
    }

    @Test
    void questionMarkMatchesOneCharacterAndRegexCharactersAreLiteral() throws IOException {
        Files.writeString(dir.resolve("dist/x+y[1].whl"), "x");

        assertThat(resolve("dist/a-1.?.tar.gz")).containsExactly("dist/a-1.0.tar.gz");
        assertThat(resolve("dist/x+y[1].whl")).containsExactly("dist/x+y[1].whl");
        assertThat(resolve("dist/*[1]*")).containsExactly("dist/x+y[1].whl");
    }

    @Test
    void nothingMatchingIsAnErrorThatSaysToBuildFirst() {
        assertThatThrownBy(() -> resolve("wheelhouse/*"))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("No files match 'wheelhouse/*' in " + dir)
                .hasMessageContaining("python -m build");
    }

    @Test
    void patternsMayNotLeaveTheDirectoryOrBeAbsolute() {
        assertThatThrownBy(() -> resolve("../*")).hasMessageContaining("leaves the workspace");
        assertThatThrownBy(() -> resolve("/etc/*")).hasMessageContaining("is absolute");
        assertThatThrownBy(() -> resolve("C:\\dist\\*")).hasMessageContaining("is absolute");
    }

    @Test
    void aMissingBaseDirectoryIsNamed() {
        assertThatThrownBy(() -> FileGlob.resolve(dir.resolve("missing"), "dist/*"))
                .hasMessageContaining("does not exist");
    }
}
