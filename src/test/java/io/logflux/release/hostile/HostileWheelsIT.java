package io.logflux.release.hostile;

import io.logflux.release.check.CraftedZip;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile wheels through the packaged command line in a JVM with a 256 MiB heap: each ends in exit 1 and a finding
 * that names its rule, never a stack trace. (Time and memory figures are bench/hostile-wheels.sh's, not asserted.)
 */
class HostileWheelsIT {
    private static final Path JAR = Path.of(System.getProperty("logflux.jar", "target/logflux-release.jar"));
    private static final String WHEEL = "x-1.0-py3-none-any.whl";

    @TempDir
    Path dir;

    record Case(String name, String rule, Function<Path, Path> craft) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a million entries", "archive.limits", file -> CraftedZip.many(file, 1_000_000)),
                new Case("central entries sharing one local entry", "zip.overlap", file -> {
                    CraftedZip zip = wheel();
                    for (int i = 0; i < 2000; i++) {
                        CraftedZip.Member alias = zip.add("x/alias" + i + ".py", "x = 1\n");
                        alias.writeLocal = false;
                        alias.centralOffset = 0L;
                    }
                    return zip.write(file);
                }),
                new Case("trailing data", "zip.trailing-data",
                        file -> wheel().suffix("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1)).write(file)),
                new Case("prepended data", "zip.trailing-data",
                        file -> wheel().prefix("#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII)).write(file)),
                new Case("a data descriptor", "zip.data-descriptor", file -> {
                    CraftedZip zip = wheel();
                    zip.members().get(0).flags = 0x08;
                    return zip.write(file);
                }),
                new Case("a local header that disagrees", "zip.local-header", file -> {
                    CraftedZip zip = wheel();
                    zip.members().get(0).centralSize = 6 << 20;
                    return zip.write(file);
                }));
    }

    private static CraftedZip wheel() {
        CraftedZip zip = new CraftedZip();
        zip.add("x/__init__.py", "x = 1\n");
        zip.add("x-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: x\nVersion: 1.0\n");
        return zip;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInAFindingAtASmallHeap(Case hostile) throws IOException, InterruptedException {
        Path file = hostile.craft().apply(dir.resolve(WHEEL));
        Process process = new ProcessBuilder(List.of(javaBinary(), "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(),
                "check", file.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();

        assertThat(status).as(output).isEqualTo(1);
        assertThat(output).contains("[" + hostile.rule() + "]").contains(WHEEL)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Error:");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
