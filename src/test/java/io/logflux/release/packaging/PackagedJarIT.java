package io.logflux.release.packaging;

import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs against target/logflux-release.jar as built by {@code mvn package}. */
class PackagedJarIT {
    private static final Path JAR = Path.of(System.getProperty("logflux.jar", "target/logflux-release.jar"));

    @TempDir
    static Path work;

    @BeforeAll
    static void jarExists() {
        assertThat(JAR).as("the packaged jar (run with mvn verify)").isRegularFile();
    }

    @Test
    void theJarHoldsNoJenkinsClassAndNoStandIn() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = Collections.list(jar.entries()).stream().map(e -> e.getName()).toList();
        }

        assertThat(entries).contains("io/logflux/release/cli/Main.class",
                "io/logflux/release/verify/VersionVerifier.class");
        assertThat(entries).noneMatch(name -> name.startsWith("hudson/") || name.startsWith("jenkins/")
                || name.startsWith("org/jenkinsci/") || name.startsWith("com/cloudbees/")
                || name.startsWith("io/jenkins/") || name.startsWith("org/kohsuke/stapler/") || name.startsWith("io/logflux/release/jenkins/")
                || name.startsWith("META-INF/annotations/"));
    }

    @Test
    void publishFromTheJarTakesTheTokenFromTheEnvironmentAndExitsByOutcome() throws Exception {
        SampleProject sample = SampleProject.copyTo(work.resolve("publish"));
        sample.build();
        try (TestIndex index = TestIndex.start(work.resolve("publish-index"))) {
            String token = FakeTokens.pypi();
            index.acceptToken(token);

            Result published = java(sample.dir(), Map.of("TWINE_PASSWORD", token), "publish", "-r", index.uploadUrl(),
                    "dist/*");
            Result again = java(sample.dir(), Map.of("TWINE_PASSWORD", token), "publish", "-r", index.uploadUrl(),
                    "--no-wait", "dist/*");
            Result refused = java(sample.dir(), Map.of("TWINE_PASSWORD", FakeTokens.pypi()), "publish", "-r",
                    index.uploadUrl(), "dist/*");
            index.close();
            Result unreachable = java(sample.dir(), Map.of("TWINE_PASSWORD", token), "publish", "-r",
                    index.uploadUrl(), "--attempts", "1", "dist/*");

            assertThat(published.status).as(published.err).isZero();
            assertThat(published.out).isEqualTo("Published logflux 0.2.0 to " + index.uploadUrl()
                    + ": 2 uploaded, 0 already there.\n");
            assertThat(again.out).contains("0 uploaded, 2 already there.");
            assertThat(refused.status).isEqualTo(1);
            assertThat(refused.err).contains("error: The token check before uploading");
            assertThat(unreachable.status).isEqualTo(3);
            for (Result r : List.of(published, again, refused, unreachable)) {
                Captured.record(getClass().getSimpleName(), r.out + r.err);
                assertThat(r.out + r.err).doesNotContain(token);
            }
            assertThat(index.writes("logflux-0.2.0.tar.gz")).isEqualTo(1);
        }
    }

    @Test
    void theReadmesFirstCommandRehearsesTheWholeReleaseOfTheSample() throws Exception {
        Result result = java(Path.of("."), Map.of(), "release", "--rehearse", "--tag", "v0.2.0", "--project",
                "resources/sample-sdk", "--files", "resources/sample-dist/*");

        assertThat(result.status).as(result.out + result.err).isZero();
        assertThat(result.out).contains("Summary:").containsPattern("validate +DONE")
                .containsPattern("test +DONE .*served").containsPattern("production +DONE .*GitHub: planned only");
        Captured.record(getClass().getSimpleName(), result.out + result.err);
    }

    @Test
    void theTokenIsInNoProcessArgumentListAndNoTemporaryFileWhilePublishingAndInstalling() throws Exception {
        SampleProject sample = SampleProject.copyTo(work.resolve("secrets"));
        sample.build();
        java.time.Instant started = java.time.Instant.now().minusSeconds(1);
        try (TestIndex index = TestIndex.start(work.resolve("secrets-index"))) {
            String token = FakeTokens.pypi();
            index.acceptToken(token);
            java.util.Set<String> leaks = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicInteger scans = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread scanner = new Thread(() -> {
                while (running.get()) {
                    leaks.addAll(processesWithInCommandLine(token));
                    scans.incrementAndGet();
                }
            });
            scanner.start();
            Result published;
            try {
                published = java(sample.dir(), Map.of("TWINE_PASSWORD", token), "publish", "-r", index.uploadUrl(),
                        "--verify-install", "--python", System.getProperty("logflux.python", "/usr/bin/python3"),
                        "dist/*");
            } finally {
                running.set(false);
                scanner.join();
            }

            assertThat(published.status).as(published.err).isZero();
            assertThat(published.err).contains("Install check passed");
            assertThat(scans.get()).as("process scans while publishing").isGreaterThan(10);
            assertThat(leaks).as("processes whose arguments hold the token").isEmpty();
            assertThat(filesContaining(Path.of(System.getProperty("java.io.tmpdir")), token, started))
                    .as("temporary files holding the token").isEmpty();
        }
    }

    @Test
    void theProcessScanFindsATokenInAnArgumentList() throws Exception {
        String planted = "pypi-planted-" + System.nanoTime();
        Process process = new ProcessBuilder("/bin/sh", "-c", "sleep 2", planted).start();
        try {
            java.util.Set<String> found = java.util.Set.of();
            for (int i = 0; i < 50 && found.isEmpty(); i++) {
                found = processesWithInCommandLine(planted);
                Thread.sleep(20);
            }
            assertThat(found).as("the scan sees a token in a child's arguments").isNotEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    private static java.util.Set<String> processesWithInCommandLine(String token) {
        java.util.Set<String> found = new java.util.HashSet<>();
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")),
                            java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (cmdline.contains(token)) {
                        found.add(proc + ": " + cmdline.replace('\0', ' ').replace(token, "<token>"));
                    }
                } catch (IOException | SecurityException e) {
                    // the process ended, or is not ours to read
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    private static List<Path> filesContaining(Path dir, String token, java.time.Instant since) throws IOException {
        List<Path> found = new ArrayList<>();
        // This checkout may itself sit under the temporary directory (CI clones there); its target/ holds the tests'
        // own list of the fake tokens they used, which is not something the tool wrote. Other runs create and delete
        // files there meanwhile: what vanishes or cannot be read is passed over, and the search goes on.
        Path project = Path.of("").toAbsolutePath();
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d,
                                                                   java.nio.file.attribute.BasicFileAttributes a) {
                return d.toAbsolutePath().startsWith(project) ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                        : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                try {
                    if (a.isRegularFile() && !a.lastModifiedTime().toInstant().isBefore(since) && a.size() <= (16 << 20)
                            && new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(token)) {
                        found.add(file);
                    }
                } catch (IOException | SecurityException e) {
                    // gone or unreadable: not ours
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    @Test
    void theManifestStartsTheCommandLine() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("io.logflux.release.cli.Main");
        }
    }

    @Test
    void helpRunsFromTheJar() throws Exception {
        Result result = java(Path.of("."), Map.of(), "--help");

        assertThat(result.status).isZero();
        assertThat(result.out).contains("verify-version");
    }

    @Test
    void verifyVersionOnTheSampleMatchesItsTag() throws Exception {
        Path project = copySample("match");

        Result result = java(project, Map.of(), "verify-version", "--tag", "v0.2.0");

        assertThat(result.status).isZero();
        assertThat(result.out).isEqualTo("0.2.0\n");
        assertThat(result.err).startsWith("Package version 0.2.0 matches release tag v0.2.0");
    }

    @Test
    void verifyVersionReadsTheTagFromTagName() throws Exception {
        Path project = copySample("env");

        Result result = java(project, Map.of("TAG_NAME", "0.2.0"), "verify-version", "-q");

        assertThat(result.status).isZero();
        assertThat(result.out).isEqualTo("0.2.0\n");
        assertThat(result.err).isEmpty();
    }

    @Test
    void aMismatchedCopyFailsWithTheSeedsMessage() throws Exception {
        Path project = SampleProject.copyTo(work.resolve("mismatch")).withVersion("0.2.1").dir();

        Result result = java(project, Map.of(), "verify-version", "--tag", "v0.2.0");

        assertThat(result.status).isEqualTo(1);
        assertThat(result.out).isEmpty();
        assertThat(result.err).startsWith("Package version (0.2.1) doesn't match release tag (0.2.0)\n")
                .contains("logflux/__init__.py").contains("MISMATCH");
    }

    @Test
    void builtFilesAreCheckedAndStaleOnesNamed() throws Exception {
        SampleProject sample = SampleProject.copyTo(work.resolve("built"));
        sample.build();
        sample.withVersion("0.2.1").build();
        Path project = sample.dir();

        Result result = java(project, Map.of(), "verify-version", "--tag", "0.2.1", "dist/*");

        assertThat(result.status).isEqualTo(1);
        assertThat(result.err).startsWith("Package version (0.2.0) doesn't match release tag (0.2.1)")
                .contains("dist/logflux-0.2.0-py3-none-any.whl").contains("dist/logflux-0.2.0.tar.gz")
                .contains("Delete them and rebuild");
    }

    @Test
    void jsonIsPrintedWhateverTheOutcome() throws Exception {
        Path project = copySample("json");

        Result result = java(project, Map.of(), "verify-version", "--json", "--tag", "v0.1.9");

        assertThat(result.status).isEqualTo(1);
        assertThat(result.out).contains("\"ok\" : false").contains("\"version\" : \"0.1.9\"")
                .contains("\"status\" : \"mismatch\"");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Path project = copySample("usage");

        Result noTag = java(project, Map.of(), "verify-version");
        Result badOption = java(project, Map.of(), "verify-version", "--tag", "v0.2.0", "--nope");

        assertThat(noTag.status).isEqualTo(2);
        assertThat(noTag.err).contains("No release tag: pass --tag v0.2.0, or set TAG_NAME");
        assertThat(badOption.status).isEqualTo(2);
    }

    @Test
    void aTagThatIsNotAVersionIsExplained() throws Exception {
        Path project = copySample("badtag");

        Result result = java(project, Map.of(), "verify-version", "--tag", "release-candidate");

        assertThat(result.status).isEqualTo(1);
        assertThat(result.err).startsWith("error: Release tag 'release-candidate' is not a version")
                .doesNotContain("\tat ");
    }

    private static Path copySample(String name) {
        return SampleProject.copyTo(work.resolve(name)).dir();
    }

    private static Result java(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("TAG_NAME");
        builder.environment().putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int status = process.waitFor();
        return new Result(status, Files.readString(out), Files.readString(err));
    }

    private record Result(int status, String out, String err) {
    }
}
