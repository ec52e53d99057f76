package io.logflux.release.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/logflux-release, the launcher that starts the packaged jar with the class-data-sharing archive {@code mvn package}
 * made (src/build/make-cds-archive.sh): it runs every command as {@code java -jar} does (same output, same exit
 * status), uses the archive when it fits, and falls back without a word when it is missing, stale or damaged.
 */
class LauncherIT {
    private static final Path JAR = Path.of(System.getProperty("logflux.jar", "target/logflux-release.jar"))
            .toAbsolutePath();
    private static final Path ARCHIVE = JAR.resolveSibling("logflux-release.jsa");
    private static final Path LAUNCHER = Path.of("bin/logflux-release").toAbsolutePath();
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final String WHEEL = "resources/sample-dist/logflux-0.2.0-py3-none-any.whl";
    private static final String SDIST = "resources/sample-dist/logflux-0.2.0.tar.gz";

    @TempDir
    static Path work;

    @BeforeAll
    static void builtByPackage() {
        assertThat(JAR).as("the packaged jar (run with mvn verify)").isRegularFile();
        assertThat(ARCHIVE).as("the archive mvn package makes next to the jar").isRegularFile();
        assertThat(LAUNCHER).isExecutable();
    }

    @Test
    void eachCommandGivesWhatJavaDashJarGives() throws Exception {
        List<List<String>> commandLines = List.of(
                List.of("verify-version", "--tag", "v0.2.0", "--project", "resources/sample-sdk", WHEEL, SDIST),
                List.of("verify-version", "--tag", "v0.1.9", "--project", "resources/sample-sdk"),
                List.of("verify-version", "--json", "--tag", "v0.2.0", "--project", "resources/sample-sdk"),
                List.of("check", WHEEL, SDIST),
                List.of("check", "--json", WHEEL, SDIST),
                List.of("check", "resources/sample-dist/no-such-file.whl"),
                List.of("check", "--frobnicate", WHEEL),
                List.of("chek"),
                List.of("--help"),
                List.of("--version"),
                List.of());
        for (List<String> args : commandLines) {
            Result plain = javaJar(args);
            Result launched = launch(LAUNCHER, Map.of(), args);

            assertThat(launched).as("bin/logflux-release " + String.join(" ", args)).isEqualTo(plain);
        }
        assertThat(javaJar(List.of("verify-version", "--tag", "v0.1.9", "--project", "resources/sample-sdk")).status)
                .as("a refusal is among the runs compared").isEqualTo(1);
    }

    @Test
    void aChainOfLinksToTheLauncherFindsTheJarAndTheArchive() throws Exception {
        // As an installer links it into a directory on the PATH: an absolute link to a relative one to bin/.
        Path onPath = Files.createDirectories(work.resolve("linked-bin"));
        Path relative = Files.createSymbolicLink(onPath.resolve("relative-link"),
                onPath.relativize(LAUNCHER.toAbsolutePath()));
        Path link = Files.createSymbolicLink(onPath.resolve("logflux-release"), relative.toAbsolutePath());
        Path classes = work.resolve("linked-classes.log");

        Result result = launch(link, Map.of("LOGFLUX_RELEASE_OPTS", "-Xlog:class+load=info:file=" + classes),
                List.of("check", WHEEL, SDIST));

        assertThat(result).isEqualTo(javaJar(List.of("check", WHEEL, SDIST)));
        assertThat(Files.readString(classes)).contains("io.logflux.release.cli.Main source: shared objects file");
    }

    @Test
    void theArchiveTheBuildMadeIsUsed() throws Exception {
        Path classes = work.resolve("used-classes.log");

        Result result = launch(LAUNCHER, Map.of("LOGFLUX_RELEASE_OPTS", "-Xlog:class+load=info:file=" + classes),
                List.of("check", WHEEL, SDIST));

        assertThat(result.status).as(result.err).isZero();
        assertThat(Files.readString(classes)).contains("io.logflux.release.cli.Main source: shared objects file")
                .contains("io.logflux.release.check.DistributionChecker source: shared objects file");
    }

    @Test
    void aCopiedArchiveNoLongerFitsAndIsLeftOutQuietly() throws Exception {
        // A copy is another file (another inode), for which the JVM itself would refuse the archive and then share
        // no class at all: the launcher must see that first and start the jar as java -jar does.
        Path copy = installCopy("copied", true);
        Path classes = work.resolve("copied-classes.log");

        Result launched = launch(copy.resolve("logflux-release"),
                Map.of("LOGFLUX_RELEASE_OPTS", "-Xlog:class+load=info:file=" + classes), List.of("check", WHEEL, SDIST));

        assertThat(launched).isEqualTo(javaJar(List.of("check", WHEEL, SDIST)));
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("io.logflux.release.cli.Main source: file:")
                .as("the JDK's own archive still serves the JDK's classes")
                .contains("java.lang.Object source: shared objects file");
    }

    @Test
    void withoutAnArchiveTheJarRunsAsJavaDashJar() throws Exception {
        Path copy = installCopy("no-archive", false);

        Result launched = launch(copy.resolve("logflux-release"), Map.of(),
                List.of("verify-version", "--tag", "v0.2.0", "--project", "resources/sample-sdk"));

        assertThat(launched).isEqualTo(javaJar(List.of("verify-version", "--tag", "v0.2.0", "--project",
                "resources/sample-sdk")));
        assertThat(launched.status).isZero();
    }

    @Test
    void aDamagedArchiveThatClaimsToFitIsIgnoredWithoutAWarning() throws Exception {
        Path copy = installCopy("damaged", false);
        Files.writeString(copy.resolve("logflux-release.jsa"), "not an archive");
        Files.writeString(copy.resolve("logflux-release.jsa.id"), madeFor(copy.resolve("logflux-release.jar")) + "\n");

        Result launched = launch(copy.resolve("logflux-release"), Map.of(), List.of("check", WHEEL, SDIST));

        assertThat(launched).isEqualTo(javaJar(List.of("check", WHEEL, SDIST)));
        assertThat(launched.status).isZero();
    }

    @Test
    void withoutTheJarTheLauncherSaysHowToBuildIt() throws Exception {
        Path alone = Files.createDirectories(work.resolve("alone/bin"));
        Path launcher = Files.copy(LAUNCHER, alone.resolve("logflux-release"), StandardCopyOption.COPY_ATTRIBUTES);

        Result result = launch(launcher, Map.of(), List.of("--help"));

        assertThat(result.status).isEqualTo(1);
        assertThat(result.out).isEmpty();
        assertThat(result.err).startsWith("logflux-release: no logflux-release.jar next to ")
                .contains("mvn -B -q package -DskipTests");
    }

    @Test
    void withoutJavaTheLauncherSaysWhatToInstall() throws Exception {
        Result result = launch(LAUNCHER, Map.of("JAVA_HOME", work.resolve("no-java").toString()), List.of("--help"));

        assertThat(result.status).isEqualTo(1);
        assertThat(result.err).startsWith("logflux-release: no Java at ").contains("Java 17 or newer");
    }

    /** The launcher, the jar and (optionally) the archive with its id, copied into a directory of their own. */
    private static Path installCopy(String name, boolean withArchive) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Files.copy(LAUNCHER, dir.resolve("logflux-release"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(JAR, dir.resolve("logflux-release.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        if (withArchive) {
            Files.copy(ARCHIVE, dir.resolve("logflux-release.jsa"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(ARCHIVE.resolveSibling("logflux-release.jsa.id"), dir.resolve("logflux-release.jsa.id"),
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        return dir;
    }

    /** The id line make-cds-archive.sh writes: device, inode, size and modification second of the jar and libjvm. */
    private static String madeFor(Path jar) throws IOException {
        StringBuilder id = new StringBuilder();
        for (Path file : List.of(jar, JAVA_HOME.resolve("lib/server/libjvm.so").toRealPath())) {
            id.append(Files.getAttribute(file, "unix:dev")).append(' ').append(Files.getAttribute(file, "unix:ino"))
                    .append(' ').append(Files.size(file)).append(' ')
                    .append(Files.getLastModifiedTime(file).toInstant().getEpochSecond()).append(';');
        }
        return id.toString();
    }

    private static Result javaJar(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA_HOME.resolve("bin/java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        return run(command, Map.of());
    }

    private static Result launch(Path launcher, Map<String, String> env, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        Map<String, String> environment = new HashMap<>(Map.of("JAVA_HOME", JAVA_HOME.toString()));
        environment.putAll(env);
        return run(command, environment);
    }

    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of(".").toAbsolutePath().toFile());
        builder.environment().remove("TAG_NAME");
        builder.environment().remove("LOGFLUX_RELEASE_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int status = process.waitFor();
        return new Result(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
                StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {
    }
}
