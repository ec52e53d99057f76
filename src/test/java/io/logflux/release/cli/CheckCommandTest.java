package io.logflux.release.cli;

import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.SampleProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
    @TempDir
    static Path dir;
    static List<Path> good;
    static List<Path> noReadme;

    @BeforeAll
    static void build() {
        good = SampleProject.copyTo(dir.resolve("good")).build();
        noReadme = SampleProject.copyTo(dir.resolve("none")).withoutReadme().build();
    }

    private static MainTest.Run check(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "check";
        all[1] = "--python";
        all[2] = DebianPython.executable();
        System.arraycopy(args, 0, all, 3, args.length);
        return MainTest.run(all);
    }

    @Test
    void goodFilesPassWithExitZero() {
        MainTest.Run run = check(good.get(0).toString(), good.get(1).toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Checking " + good.get(0) + ": PASSED")
                .contains("2 files checked: 2 passed, 0 failed");
    }

    @Test
    void warningsPassUnlessStrict() {
        MainTest.Run lenient = check(noReadme.get(0).toString());
        MainTest.Run strict = check("--strict", noReadme.get(0).toString());

        assertThat(lenient.status()).isZero();
        assertThat(lenient.out()).contains(": PASSED with warnings").contains("WARNING [description.missing]");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.out()).contains(": FAILED").contains("(strict: warnings fail)");
    }

    @Test
    void aFailureExitsWithOneAndJsonCarriesTheFindings() throws IOException {
        Path broken = Files.write(dir.resolve("logflux-0.2.0-py3-none-any.whl"), new byte[] {1, 2, 3});

        MainTest.Run text = check(broken.toString());
        MainTest.Run json = check("--json", broken.toString());

        assertThat(text.status()).isEqualTo(1);
        assertThat(text.out()).contains("ERROR [archive.corrupt]");
        assertThat(json.status()).isEqualTo(1);
        assertThat(json.out()).contains("\"ok\" : false").contains("\"rule\" : \"archive.corrupt\"");
    }

    @Test
    void theSizeLimitIsConfigurable() {
        MainTest.Run run = check("--max-file-size", "1KiB", good.get(0).toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR [file.too-large]").contains("at most 1.0 KiB");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(check().status()).isEqualTo(2);
        assertThat(check("--max-file-size", "lots", "x.whl").err()).contains("'lots' is not a size");
    }

    @Test
    void aMissingFileIsNamed() {
        MainTest.Run run = check(dir.resolve("nope-1.0.tar.gz").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("nope-1.0.tar.gz does not exist");
    }
}
