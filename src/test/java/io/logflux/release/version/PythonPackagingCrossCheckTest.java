package io.logflux.release.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our parser, normal form and order against the real thing: Python's packaging.version, run on the same strings.
 */
class PythonPackagingCrossCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = """
            import json, sys
            from packaging.version import Version, InvalidVersion
            inputs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
            results, parsed = [], []
            for s in inputs:
                try:
                    v = Version(s)
                except InvalidVersion:
                    results.append(None)
                    continue
                parsed.append(v)
                results.append({"n": str(v), "pre": v.is_prerelease, "post": v.is_postrelease,
                                "dev": v.is_devrelease, "local": v.local, "public": v.public, "base": v.base_version})
            distinct = sorted(set(parsed))
            ranks = [None if r is None else distinct.index(Version(s)) for s, r in zip(inputs, results)]
            print(json.dumps({"results": results, "ranks": ranks}))
            """;

    @TempDir
    static Path dir;
    static List<String> inputs;
    static JsonNode python;

    @BeforeAll
    static void askPython() throws IOException {
        inputs = corpus();
        Path file = dir.resolve("versions.jsonl");
        List<String> lines = new ArrayList<>();
        for (String input : inputs) {
            lines.add(JSON.writeValueAsString(input));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        String output = DebianPython.runOk(dir, "-c", SCRIPT, file.toString());
        python = JSON.readTree(output);
    }

    @Test
    void acceptsAndNormalizesExactlyWhatPackagingDoes() {
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode expected = python.get("results").get(i);
            Optional<Pep440Version> ours = Pep440Version.tryParse(inputs.get(i));
            String theirs = expected.isNull() ? "INVALID" : expected.get("n").asText();
            String mine = ours.map(Pep440Version::normalized).orElse("INVALID");
            if (!theirs.equals(mine)) {
                disagreements.add(JSON.valueToTree(inputs.get(i)) + ": packaging " + theirs + ", ours " + mine);
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(python.get("results").findValues("n")).hasSizeGreaterThan(300);
    }

    @Test
    void classifiesPartsAsPackagingDoes() {
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode expected = python.get("results").get(i);
            if (expected.isNull()) {
                continue;
            }
            Pep440Version v = Pep440Version.parse(inputs.get(i));
            String input = inputs.get(i);
            assertThat(v.isPrerelease()).as("is_prerelease of %s", input).isEqualTo(expected.get("pre").asBoolean());
            assertThat(v.isPostrelease()).as("is_postrelease of %s", input).isEqualTo(expected.get("post").asBoolean());
            assertThat(v.isDevrelease()).as("is_devrelease of %s", input).isEqualTo(expected.get("dev").asBoolean());
            assertThat(v.local().orElse(null)).as("local of %s", input)
                    .isEqualTo(expected.get("local").isNull() ? null : expected.get("local").asText());
            assertThat(v.publicVersion().normalized()).as("public of %s", input).isEqualTo(expected.get("public").asText());
            assertThat(v.baseVersion().normalized()).as("base_version of %s", input).isEqualTo(expected.get("base").asText());
        }
    }

    @Test
    void ordersAsPackagingDoes() {
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!python.get("ranks").get(i).isNull()) {
                valid.add(i);
            }
        }
        List<String> disagreements = new ArrayList<>();
        for (int a : valid) {
            Pep440Version va = Pep440Version.parse(inputs.get(a));
            int rankA = python.get("ranks").get(a).asInt();
            for (int b : valid) {
                int expected = Integer.signum(Integer.compare(rankA, python.get("ranks").get(b).asInt()));
                Pep440Version vb = Pep440Version.parse(inputs.get(b));
                if (Integer.signum(va.compareTo(vb)) != expected || va.equals(vb) != (expected == 0)
                        || (expected == 0 && va.hashCode() != vb.hashCode())) {
                    disagreements.add(inputs.get(a) + " vs " + inputs.get(b) + ": packaging " + expected);
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /** PEP 440 examples, tricky spellings, near-misses, and generated combinations of every part and spelling. */
    private static List<String> corpus() {
        Set<String> corpus = new LinkedHashSet<>(List.of(
                "1.0", "1.0.0", "1", "0", "00", "09000", "1.1RC1", "1.0+ubuntu-1", "1.1.a1", "1.1-a1", "1.0a.1",
                "1.1alpha1", "1.1beta2", "1.1c3", "1.1pre4", "1.1preview5", "1.2a", "1.2-post2", "1.2post2", "1.0-r4",
                "1.0rev4", "1.0-1", "1.2.post", "1.2-dev2", "1.2dev2", "1.2.dev", "v1.0", "V1.0", " 1.0 ", "\t1.0\n",
                "1!1.0", "0!1.0", "1.0+ABC.001", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-alpha", "1.0.0-alpha.3",
                "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
                "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0+abc.5", "1.0+abc.7",
                "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1", "release-candidate", "1.0+",
                "1.0-", "1..0", "1.0.", ".1", "a1.0", "1.0 beta", "1!", "1.0.dev1.dev2", "1.0a1a2", "1.0+ubuntu_",
                "vv1.0", "1.0.0-beta-x", "1,0", "1.0+ü", "1.0a1.post1.post2", "1.0-final", "2.0.0-rc.1",
                "1.0_post_1", "1.0.POST1", "1.0-DEV", "1.0a-1", "1.0-a-1", "1.0+1.a", "1.0+a..b", "1.0+-a",
                "1.0.0.0.0", "1.0.0.0.1", "1.0-0", "1.0.post0", "1.0+0", "1.0+00", "1.0+a0", "1.0+0a",
                "0.2.0", "0.1.9", "0.2.0-beta", "0.2.0b0", "1.0.0rc", "1.0.0.rc.1", "1.0.0_rc_1", "1.0.0-r",
                "1.0.0r", "1.0.0-rev", "1!1.0.dev1", "01!01.01", "1.0.dev", "1.0dev", "1.0-dev-1", "1.0+local.1.2",
                "1.0+LOCAL", "1.0a1+local", "1.0.post1+local", "12345678901234567890.1"));
        Random random = new Random(20261124);
        String[] preSpellings = {"a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "A", "Beta", "RC"};
        String[] postSpellings = {"post", "rev", "r", "POST"};
        String[] separators = {"", ".", "-", "_"};
        while (corpus.size() < 700) {
            StringBuilder s = new StringBuilder();
            if (random.nextInt(8) == 0) {
                s.append(random.nextInt(3)).append('!');
            }
            if (random.nextInt(6) == 0) {
                s.insert(0, random.nextBoolean() ? "v" : "V");
            }
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                s.append(p == 0 ? "" : ".").append(random.nextInt(4) == 0 ? "0" + random.nextInt(3) : random.nextInt(12));
            }
            if (random.nextInt(3) == 0) {
                s.append(pick(random, separators)).append(pick(random, preSpellings));
                if (random.nextBoolean()) {
                    s.append(pick(random, separators)).append(random.nextInt(20));
                }
            }
            if (random.nextInt(4) == 0) {
                if (random.nextInt(3) == 0) {
                    s.append('-').append(random.nextInt(9));
                } else {
                    s.append(pick(random, separators)).append(pick(random, postSpellings));
                    if (random.nextBoolean()) {
                        s.append(pick(random, separators)).append(random.nextInt(9));
                    }
                }
            }
            if (random.nextInt(4) == 0) {
                s.append(pick(random, separators)).append(random.nextBoolean() ? "dev" : "DEV");
                if (random.nextBoolean()) {
                    s.append(pick(random, separators)).append(random.nextInt(9));
                }
            }
            if (random.nextInt(5) == 0) {
                s.append('+').append(random.nextBoolean() ? "abc" : random.nextInt(30));
                if (random.nextBoolean()) {
                    s.append(pick(random, separators)).append(random.nextBoolean() ? "Ubuntu" : "0" + random.nextInt(5));
                }
            }
            if (random.nextInt(15) == 0) {
                s.insert(random.nextInt(s.length() + 1), pick(random, new String[] {"-", "..", "+", "x", " "}));
            }
            corpus.add(s.toString());
        }
        return new ArrayList<>(corpus);
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
