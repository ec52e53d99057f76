package io.logflux.release.secrets;

import io.logflux.release.testing.Captured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after the unit tests and the jar tests (failsafe, alphabetical order): every fake token any test handed to the
 * publisher, the CLI, the Jenkins callable or twine is searched for in everything the suite captured — logs, exception
 * messages, CLI output — and in the test reports (which hold stack traces and standard output). None may appear.
 */
class SecretsNeverPrintedIT {
    @Test
    void noTokenAppearsInAnyCapturedOutputOrReport() throws IOException {
        assertThat(Captured.TOKENS).as("tokens noted by the tests (run mvn verify)").isRegularFile();
        List<String> tokens = Files.readAllLines(Captured.TOKENS).stream().filter(t -> !t.isBlank()).distinct().toList();
        List<Path> captures = files(Captured.DIR).stream().filter(p -> !p.equals(Captured.TOKENS)).toList();
        List<Path> reports = new ArrayList<>(files(Path.of("target", "surefire-reports")));
        reports.addAll(files(Path.of("target", "failsafe-reports")));

        assertThat(tokens).as("the suite used fake tokens").hasSizeGreaterThan(20);
        assertThat(captures).as("captures from the publish, CLI, Jenkins, jar and twine tests").extracting(
                p -> p.getFileName().toString()).contains("PublisherTest.txt", "PublishCommandTest.txt",
                "PublishCallableTest.txt", "PackagedJarIT.txt", "TestIndexCalibrationTest.txt",
                "GitHubReleaserTest.txt", "GitHubReleaseCommandTest.txt", "EchoedTokensCommandTest.txt",
                "EchoedTokensCallableTest.txt", "ChildProcessSecretsTest.txt");
        assertThat(reports).as("surefire reports").isNotEmpty();

        List<String> leaks = new ArrayList<>();
        long searchedBytes = 0;
        for (Path file : Stream.concat(captures.stream(), reports.stream()).toList()) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            searchedBytes += text.length();
            for (String token : tokens) {
                if (text.contains(token)) {
                    leaks.add(file + " contains token " + token.substring(0, 12) + "…");
                }
            }
        }
        assertThat(searchedBytes).as("bytes searched").isGreaterThan(10_000);
        assertThat(leaks).isEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
