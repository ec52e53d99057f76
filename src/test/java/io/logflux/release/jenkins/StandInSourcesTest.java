package io.logflux.release.jenkins;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compile-only stand-in of the Jenkins API keeps its promises: every type names the real artifact and source it
 * mirrors, and no member does anything but throw, so nothing can come to depend on stand-in behaviour.
 */
class StandInSourcesTest {
    private static final Path STAND_IN = Path.of("src/jenkins-standin/java");
    private static final Pattern PROVENANCE = Pattern.compile(
            "Compile-only stand-in\\. Mirrors ([\\w.-]+:[\\w.-]+)\\n \\* (jenkinsci/[\\w.-]+) (\\S+\\.java) \\(read at ");
    private static final Pattern BODY = Pattern.compile("\\)\\s*(?:throws [\\w., ]+)?\\{([^{}]*)}");
    private static final String THROW = "throw new UnsupportedOperationException(\"compile-only stand-in\");";

    @Test
    void everyTypeNamesTheArtifactAndSourceItMirrors() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).hasSizeGreaterThan(15);
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher provenance = PROVENANCE.matcher(text);
            assertThat(provenance.find()).as("provenance comment in %s", source).isTrue();
            String relative = STAND_IN.relativize(source).toString().replace('\\', '/');
            assertThat(provenance.group(3)).as("mirrored path of %s", source).endsWith("/" + relative);
        }
    }

    @Test
    void everyBodyOnlyThrows() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path source : sources()) {
            String code = Files.readString(source).replaceAll("(?s)/\\*.*?\\*/", "");
            Matcher body = BODY.matcher(code);
            while (body.find()) {
                String statements = body.group(1).strip().replaceFirst("^super\\(\\w+\\);\\s*", "");
                if (!statements.equals(THROW)) {
                    offenders.add(source + ": {" + body.group(1).strip() + "}");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(STAND_IN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
