package io.logflux.release.requirement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.version.VersionSpecifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requires-Dist and Requires-Python validity against the real thing: Debian's Python packaging
 * (packaging.requirements.Requirement, packaging.specifiers.SpecifierSet) on the same strings.
 */
class RequirementsCrossCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = """
            import json, sys
            from packaging.requirements import Requirement, InvalidRequirement
            from packaging.specifiers import SpecifierSet, InvalidSpecifier
            kind = sys.argv[2]
            out = []
            for line in open(sys.argv[1], encoding="utf-8"):
                text = json.loads(line)
                try:
                    Requirement(text) if kind == "req" else SpecifierSet(text)
                    out.append(True)
                except (InvalidRequirement, InvalidSpecifier):
                    out.append(False)
            print(json.dumps(out))
            """;

    @TempDir
    Path dir;

    @Test
    void specifierSetsAreValidExactlyWhenPackagingSaysSo() throws IOException {
        List<String> corpus = List.of(">=3.8", ">=3.8,<4", "~=3.8", "~=3", "==3.8.*", "!=3.0.*", ">=3.8.*",
                "==1.0+local", ">=1.0+local", "===foobar", "=== foo bar", ">= 3.8 , < 4", "3.8", ">=3.8;", "",
                "==1.0.post1", "<2.0.dev1", ">=1!2.0", "==1.*.0", "~=1.0.*", ">=v1.0", "=>1.0", ">=1.0,",
                "==2.0b1", ">=3.8, !=3.9.1", "<=", "~=2.2.post3", "== 1.0", "!=1.0+abc.*");
        assertAgreement(corpus, "spec", text -> VersionSpecifiers.problem(text).isEmpty());
    }

    @Test
    void requirementsAreValidExactlyWhenPackagingSaysSo() throws IOException {
        List<String> corpus = List.of("requests", "requests>=2.0", "requests (>=2.0)", "requests[security]>=2.0",
                "requests[security,socks] >=2.0, <3", "requests; python_version < '3.8'",
                "requests>=2; sys_platform == 'win32' and python_version >= \"3.8\"",
                "requests ; extra == 'dev'", "requests ; (os_name == 'nt' or os_name == 'posix') and extra == 'x'",
                "pkg @ https://example.com/pkg-1.0.whl", "pkg @ https://example.com/pkg-1.0.whl ; python_version > '3'",
                "-bad", "requests>=", "requests[", "requests[bad extra]", "requests; python_version <",
                "requests; bogus_var == '1'", "requests; python_version ~ '3'", "requests >=2.0 <3",
                "requests; 'linux' in sys_platform", "requests; sys_platform not in 'win32 cygwin'",
                "requests; (python_version == '3.8'", "zope.interface>=5", "a_b-c.d", "requests ==2.*",
                "requests; python_version >= '3.8' or", "requests>=2.0,<3.0; platform_machine=='x86_64'");
        assertAgreement(corpus, "req", text -> Pep508.parse(text).requirement().isPresent());
    }

    private void assertAgreement(List<String> corpus, String kind, java.util.function.Predicate<String> ours)
            throws IOException {
        Path file = dir.resolve(kind + ".jsonl");
        List<String> lines = new ArrayList<>();
        for (String text : corpus) {
            lines.add(JSON.writeValueAsString(text));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        JsonNode theirs = JSON.readTree(DebianPython.runOk(dir, "-c", SCRIPT, file.toString(), kind));
        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < corpus.size(); i++) {
            boolean packaging = theirs.get(i).asBoolean();
            valid += packaging ? 1 : 0;
            if (packaging != ours.test(corpus.get(i))) {
                disagreements.add("'" + corpus.get(i) + "': packaging says " + (packaging ? "valid" : "invalid"));
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(valid).as("both valid and invalid examples").isBetween(5, corpus.size() - 5);
    }
}
