package io.logflux.release.hostile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15's done-criterion on the packaged jar: {@code check} on each hostile sdist in a JVM with a 256 MiB heap
 * exits 1 with a finding and no stack trace. (Time and peak RSS are bench/hostile-archives.sh's, not asserted here.)
 */
class HostileArchivesIT {
    private static final Path JAR = Path.of(System.getProperty("logflux.jar", "target/logflux-release.jar"));

    @TempDir
    static Path work;

    @BeforeAll
    static void jarExists() {
        assertThat(JAR).as("the packaged jar (run with mvn verify)").isRegularFile();
    }

    @Test
    void eachHostileSdistEndsInAFindingInA256MibJvm() throws Exception {
        Map<String, Path> cases = HostileSdists.all(work.resolve("cases"), false);
        for (Map.Entry<String, Path> hostile : cases.entrySet()) {
            Result result = check(hostile.getValue());
            String output = result.out + result.err;

            assertThat(result.status).as(hostile.getKey() + ": " + output).isEqualTo(1);
            assertThat(result.out).as(hostile.getKey()).contains("ERROR [archive.")
                    .contains("'" + HostileSdists.FILE + "'");
            assertThat(output).as(hostile.getKey()).doesNotContain("at io.").doesNotContain("Exception in thread")
                    .doesNotContain("internal error");
            assertThat(output.length()).as(hostile.getKey() + ": the output stays short").isLessThan(20_000);
        }
    }

    private static Result check(Path file) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(), "check", file.toString());
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int status = process.waitFor();
        return new Result(status, Files.readString(out), Files.readString(err));
    }

    private record Result(int status, String out, String err) {
    }
}
