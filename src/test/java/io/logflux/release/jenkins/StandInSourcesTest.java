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

    @Test
    void everyTypeNamesTheArtifactAndSourceItMirrors() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).hasSizeGreaterThan(30);
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
        int bodies = 0;
        for (Path source : sources()) {
            String type = source.getFileName().toString().replace(".java", "");
            MemberBodies found = memberBodies(Files.readString(source), type);
            bodies += found.count();
            found.offenders().forEach(o -> offenders.add(source + ": " + o));
        }
        assertThat(offenders).isEmpty();
        assertThat(bodies).as("member bodies checked").isGreaterThan(15);
    }

    @Test
    void theBodyScanCatchesRealCode() {
        String code = """
                /* a comment { with braces } */
                public final class Thing implements Serializable {
                    static final Thing NONE = null;
                    static final String[] NAMES = {"a", "b"};
                    static { LOG.info("loaded"); }
                    public Thing(String a) {
                        super(a);
                        throw new UnsupportedOperationException("compile-only stand-in of Thing");
                    }
                    public String name() { return "thing"; }
                    public void run() throws IOException { if (x) { throw new UnsupportedOperationException("compile-only stand-in of Thing"); } }
                    public int size() { // nothing here { }
                        throw new UnsupportedOperationException("compile-only stand-in of Other");
                    }
                    public interface Nested<T> extends Serializable { T get(); default int n() { return 1; } }
                }
                """;

        MemberBodies found = memberBodies(code, "Thing");

        assertThat(found.count()).isEqualTo(6);
        assertThat(found.offenders()).hasSize(5).anySatisfy(o -> assertThat(o).contains("LOG.info"))
                .anySatisfy(o -> assertThat(o).contains("return \"thing\""))
                .anySatisfy(o -> assertThat(o).contains("if (x)"))
                .anySatisfy(o -> assertThat(o).contains("stand-in of Other"))
                .anySatisfy(o -> assertThat(o).contains("return 1"));
    }

    private record MemberBodies(int count, List<String> offenders) {
    }

    /**
     * Finds every outermost brace block that is not a type body (class, interface, enum, annotation), an annotation
     * default or an array initializer, i.e. every method, constructor and initializer body, and reports each that is
     * not exactly the throw idiom (a constructor may call super first).
     */
    private static MemberBodies memberBodies(String source, String type) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        String idiom = "throw new UnsupportedOperationException(\"compile-only stand-in of " + type + "\");";
        List<String> offenders = new ArrayList<>();
        int count = 0;
        int headerStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == ';' || c == '}') {
                headerStart = i + 1;
            } else if (c == '{') {
                String header = code.substring(headerStart, i);
                headerStart = i + 1;
                if (TYPE_HEADER.matcher(header).find() || header.strip().endsWith("default")) {
                    continue;
                }
                int close = matchingBrace(code, i);
                if (ARRAY_INITIALIZER.matcher(header).find()) {
                    i = close;
                    headerStart = close + 1;
                    continue;
                }
                String body = code.substring(i + 1, close).strip();
                count++;
                if (!body.replaceFirst("^super\\(\\w+\\);\\s*", "").equals(idiom)) {
                    offenders.add(header.strip() + " {" + body + "}");
                }
                i = close;
                headerStart = close + 1;
            }
        }
        return new MemberBodies(count, offenders);
    }

    /** An array initializer, as in {@code @Target({TYPE, FIELD})}: its braces follow '(', '=' or ','. */
    private static final Pattern ARRAY_INITIALIZER = Pattern.compile("[(=,]\\s*$");
    private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|interface|enum|@interface)\\b");

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new AssertionError("unbalanced braces");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(STAND_IN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
