package io.logflux.release.cli;

import io.logflux.release.testindex.TestIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same file name twice is refused by the batch check, before a byte is uploaded. */
class DuplicateFilesTest {
    private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcduplicatefiles000000000003";
    private static final String SDIST = "resources/sample-dist/logflux-0.2.0.tar.gz";
    private static final String WHEEL = "resources/sample-dist/logflux-0.2.0-py3-none-any.whl";

    @TempDir Path temp;
    private TestIndex index;

    @BeforeEach
    void start() {
        index = TestIndex.start(temp.resolve("index")).acceptToken(TOKEN);
    }

    @AfterEach
    void stop() {
        index.close();
    }

    @Test
    void publishRefusesTheSameFileGivenTwiceAndUploadsNothing() {
        CliRun run = CliRun.run("DuplicateFilesTest", Map.of("TWINE_PASSWORD", TOKEN), "publish", "-r",
                index.uploadUrl(), "--no-wait", WHEEL, SDIST, "resources/sample-dist/*");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("[batch.duplicates] logflux-0.2.0-py3-none-any.whl is given 2 times ("
                + WHEEL + ", " + WHEEL + "). Give each file once");
        assertThat(index.uploadRequests()).isZero();
        assertThat(index.files()).isEmpty();
    }

    @Test
    void oneNameInTwoDirectoriesIsRefusedToo() throws IOException {
        Path copy = Files.copy(Path.of(WHEEL), Files.createDirectories(temp.resolve("other"))
                .resolve("logflux-0.2.0-py3-none-any.whl"));

        CliRun run = CliRun.run("DuplicateFilesTest", Map.of("TWINE_PASSWORD", TOKEN), "publish", "-r",
                index.uploadUrl(), "--no-wait", WHEEL, copy.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("logflux-0.2.0-py3-none-any.whl is given 2 times");
        assertThat(index.uploadRequests()).isZero();
    }

    @Test
    void releaseRefusesDuplicatesInItsValidation() {
        CliRun run = CliRun.run("DuplicateFilesTest", Map.of(), "release", "--rehearse", "--tag", "v0.2.0",
                "--project", "resources/sample-sdk", "--files", SDIST, "--files", SDIST, "--no-install");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("batch.duplicates", "validate    FAILED");
    }
}
