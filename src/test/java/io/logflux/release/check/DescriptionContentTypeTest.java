package io.logflux.release.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Description-Content-Type as packaging 26.2 (which warehouse pins) judges it. The parsing is cross-checked live
 * against CPython's email package (Debian's Python 3.11), the parser packaging hands the value to; the verdicts
 * below follow packaging 26.2's _process_description_content_type (src/packaging/metadata.py lines 616-646), which
 * Debian's packaging 23.0 does not have.
 */
class DescriptionContentTypeTest {
    private static final List<String> VALUES = List.of("text/markdown", "text/markdown; charset=UTF-8",
            "text/markdown; charset=utf-8", "text/x-rst;charset=utf8", "text/markdown; charset=\"UTF-8\"",
            "text/markdown; CHARSET=UTF-8", "TEXT/MARKDOWN", "text/plain; charset = UTF-8",
            "text/markdown;charset=UTF-8;variant=gfm", "text/markdown; variant=CommonMark",
            "text/markdown; Variant=commonmark", "text/markdown; variant=\"GFM\"", "text/x-rst; variant=foo",
            "text/markdown; variant=CommonMark; variant=x", "text/markdown; charset=UTF-8; charset=ascii",
            "text/x-rst; charset=UTF-8 ; foo", "text/markdown;charset", "text/markdown; charset=",
            "text/markdown; charset='UTF-8'", "text/markdown; charset=UTF-8 (comment)",
            "text/markdown; charset*=UTF-8''UTF-8", "text/markdown; char set=UTF-8", "text/markdown;charset==UTF-8",
            "text/markdown; charset=UTF\\-8", "text/markdown; charset=\"UTF\\-8\"", "text/markdown;;charset=ascii",
            "markdown", "text/plain garbage", "text / markdown", "text/ markdown", "text/markdown charset=UTF-8",
            "text/plain/x", "text/plain, text/markdown", "text/html", "text/rst", "\"text/plain\"", "(c)text/plain");

    @Test
    void readsTheValueAsPythonsEmailPackageDoes() throws IOException {
        String script = "import json, sys, email.message\n"
                + "out = []\n"
                + "for v in json.load(sys.stdin):\n"
                + "    m = email.message.EmailMessage(); m['content-type'] = v\n"
                + "    out.append([m.get_content_type().lower(), dict(m['content-type'].params)])\n"
                + "print(json.dumps(out))\n";
        java.nio.file.Path input = java.nio.file.Files.createTempFile("content-types", ".json");
        try {
            java.nio.file.Files.writeString(input, new ObjectMapper().writeValueAsString(VALUES));
            JsonNode python = new ObjectMapper().readTree(DebianPython.runOk(null, "-c",
                    "import sys; sys.stdin = open(sys.argv[1], encoding='utf-8'); exec(sys.argv[2])",
                    input.toString(), script));
            List<String> disagreements = new ArrayList<>();
            for (int i = 0; i < VALUES.size(); i++) {
                ContentTypeHeader java = ContentTypeHeader.parse(VALUES.get(i));
                Map<String, String> params = new LinkedHashMap<>();
                python.get(i).get(1).fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
                String pythonType = python.get(i).get(0).asText();
                boolean sameType = java.type().equals(pythonType) || !DescriptionRules.TYPES.contains(java.type())
                        && !DescriptionRules.TYPES.contains(pythonType);
                if (!sameType || !java.params().equals(params)) {
                    disagreements.add(VALUES.get(i) + ": Python " + pythonType + " " + params + ", check "
                            + java.type() + " " + java.params());
                }
            }
            assertThat(disagreements).isEmpty();
        } finally {
            java.nio.file.Files.deleteIfExists(input);
        }
    }

    /**
     * The verdicts of packaging 26.2's _process_description_content_type on the values above, taken by running its
     * rule (lines 617-645) on CPython's email package outside the project.
     */
    private static final List<Map.Entry<String, Boolean>> JUDGED_BY_PACKAGING_26_2 = List.of(
            Map.entry("text/markdown", true),
            Map.entry("text/markdown; charset=UTF-8", true),
            Map.entry("text/markdown; charset=utf-8", false),
            Map.entry("text/x-rst;charset=utf8", false),
            Map.entry("text/markdown; charset=\"UTF-8\"", true),
            Map.entry("text/markdown; CHARSET=UTF-8", true),
            Map.entry("TEXT/MARKDOWN", true),
            Map.entry("text/plain; charset = UTF-8", true),
            Map.entry("text/markdown;charset=UTF-8;variant=gfm", false),
            Map.entry("text/markdown; variant=CommonMark", true),
            Map.entry("text/markdown; Variant=commonmark", false),
            Map.entry("text/markdown; variant=\"GFM\"", true),
            Map.entry("text/x-rst; variant=foo", true),
            Map.entry("text/markdown; variant=CommonMark; variant=x", true),
            Map.entry("text/markdown; charset=UTF-8; charset=ascii", true),
            Map.entry("text/x-rst; charset=UTF-8 ; foo", true),
            Map.entry("text/markdown;charset", false),
            Map.entry("text/markdown; charset=", true),
            Map.entry("text/markdown; charset='UTF-8'", true),
            Map.entry("text/markdown; charset=UTF-8 (comment)", true),
            Map.entry("text/markdown; charset*=UTF-8''UTF-8", true),
            Map.entry("text/markdown; char set=UTF-8", true),
            Map.entry("text/markdown;charset==UTF-8", true),
            Map.entry("text/markdown; charset=UTF\\-8", false),
            Map.entry("text/markdown; charset=\"UTF\\-8\"", true),
            Map.entry("text/markdown;;charset=ascii", false),
            Map.entry("markdown", false),
            Map.entry("text/plain garbage", false),
            Map.entry("text / markdown", false),
            Map.entry("text/ markdown", false),
            Map.entry("text/markdown charset=UTF-8", false),
            Map.entry("text/plain/x", true),
            Map.entry("text/plain, text/markdown", true),
            Map.entry("text/html", false),
            Map.entry("text/rst", false),
            Map.entry("\"text/plain\"", false),
            Map.entry("(c)text/plain", false)
    );

    @Test
    void agreesWithPackaging262OnEveryValueOfTheCorpus() {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, Boolean> judged : JUDGED_BY_PACKAGING_26_2) {
            List<String> problems = problems(judged.getKey());
            if (problems.isEmpty() != judged.getValue()) {
                disagreements.add(judged.getKey() + ": packaging " + (judged.getValue() ? "accepts" : "refuses")
                        + ", check says " + problems);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void charsetMustBeSpelledUtf8InUpperCase() {
        assertThat(problems("text/markdown; charset=UTF-8")).isEmpty();
        assertThat(problems("text/markdown; charset=\"UTF-8\"")).isEmpty();
        assertThat(problems("text/markdown; charset=utf-8")).singleElement().asString()
                .contains("declares charset=utf-8", "spelled exactly so (in upper case)");
        assertThat(problems("text/x-rst; charset=latin-1")).singleElement().asString()
                .contains("charset=latin-1", "the readme must be UTF-8");
        // A parameter Python's parser drops leaves the default, UTF-8.
        assertThat(problems("text/markdown; charset='utf-8'")).isEmpty();
    }

    @Test
    void theTypeMustBeOneOfThreeAndWrittenAsSuch() {
        assertThat(problems("TEXT/Markdown")).isEmpty();
        assertThat(problems("text/plain/x")).isEmpty(); // unparseable, so text/plain, which the value holds
        for (String refused : List.of("markdown", "text/plain garbage", "text/html", "text / markdown")) {
            assertThat(problems(refused)).as(refused).singleElement().asString()
                    .contains("PyPI knows only text/plain, text/x-rst and text/markdown");
        }
    }

    @Test
    void aMarkdownVariantIsGfmOrCommonMarkExactly() {
        assertThat(problems("text/markdown; variant=CommonMark")).isEmpty();
        assertThat(problems("text/x-rst; variant=anything")).isEmpty();
        assertThat(problems("text/markdown; variant=gfm")).singleElement().asString()
                .contains("variant 'gfm'", "spelled exactly so");
        assertThat(problems("text/markdown; variant")).singleElement().asString().contains("variant ''");
    }

    private static List<String> problems(String contentType) {
        CoreMetadata metadata = CoreMetadata.parse("Metadata-Version: 2.1\nName: x\nVersion: 1.0\n"
                + "Description-Content-Type: " + contentType + "\n\nbody\n");
        List<Finding> findings = new ArrayList<>();
        DescriptionRules.checkContentType("x-1.0.tar.gz", metadata, findings);
        return findings.stream().map(Finding::message).toList();
    }
}
