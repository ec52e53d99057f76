package io.logflux.release.check;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * License-Expression verdicts against PyPI's: warehouse runs packaging 26.2's canonicalize_license_expression. The
 * corpus's verdicts were taken from packaging 26.2 itself (src/packaging from pypa/packaging tag 26.2, run under
 * Debian's Python 3.11 outside the project); Debian's own packaging 23.0 has no licenses module, so it cannot judge.
 */
class SpdxExpressionTest {
    /** Expression, and whether packaging 26.2 accepts it. */
    private static final List<Map.Entry<String, Boolean>> JUDGED_BY_PACKAGING_26_2 = List.of(
                Map.entry("MIT", true),
                Map.entry("mit", true),
                Map.entry("Apache-2.0", true),
                Map.entry("apache-2.0 OR mit", true),
                Map.entry("MIT AND (Apache-2.0 OR BSD-2-Clause)", true),
                Map.entry("mit and (apache-2.0 or bsd-2-clause)", true),
                Map.entry("(MIT", false),
                Map.entry("MIT)", false),
                Map.entry("()", false),
                Map.entry("MIT ()", false),
                Map.entry("MIT (Apache-2.0)", false),
                Map.entry("Apache 2.0", false),
                Map.entry("MIT OR", false),
                Map.entry("OR MIT", false),
                Map.entry("MIT AND AND Apache-2.0", false),
                Map.entry("GPL-2.0-only WITH Classpath-exception-2.0", true),
                Map.entry("GPL-2.0-only with classpath-exception-2.0", true),
                Map.entry("GPL-2.0-only WITH Independent-modules-exception", true),
                Map.entry("GPL-3.0-or-later WITH PCRE2-exception", true),
                Map.entry("(MIT OR 0BSD) WITH Classpath-exception-2.0", true),
                Map.entry("MIT WITH Classpath-exception-2.0 WITH LLVM-exception", true),
                Map.entry("MIT WITH (Classpath-exception-2.0)", false),
                Map.entry("MIT WITH MIT", false),
                Map.entry("MIT WITH AdditionRef-foo", false),
                Map.entry("MIT WITH", false),
                Map.entry("WITH MIT", false),
                Map.entry("LicenseRef-Proprietary", true),
                Map.entry("licenseref-my-license", true),
                Map.entry("LicenseRef-", true),
                Map.entry("LicenseRef-a_b", false),
                Map.entry("LicenseRef-foo:bar", false),
                Map.entry("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", false),
                Map.entry("DocumentRef-x:LicenseRef-y OR MIT", false),
                Map.entry("MIT+", true),
                Map.entry("GPL-2.0+", true),
                Map.entry("LicenseRef-x+", false),
                Map.entry("+", false),
                Map.entry("MIT++", false),
                Map.entry("GPL-2.0", true),
                Map.entry("AGPL-1.0", true),
                Map.entry("wxWindows", true),
                Map.entry("Nokia-Qt-exception-1.1", false),
                Map.entry("MIT\tOR\tApache-2.0", true),
                Map.entry("MIT OR Apache-2.0", true),
                Map.entry(" MIT ", true),
                Map.entry("MIT,Apache-2.0", false),
                Map.entry("MIT OR Apache-2.0 OR", false),
                Map.entry("((MIT))", true),
                Map.entry("MIT OR (Apache-2.0 AND (BSD-3-Clause OR 0BSD))", true),
                Map.entry("NOASSERTION", false),
                Map.entry("NONE", false),
                Map.entry("Unlicense", true),
                Map.entry("Independent-modules-exception", false),
                Map.entry("MIT WITH Independent-Modules-Exception", true),
                Map.entry("CC-BY-SA-4.0 AND LicenseRef-Images", true),
                Map.entry("", false),
                Map.entry("   ", false)
    );

    @Test
    void agreesWithPackaging262OnEveryExpressionOfTheCorpus() {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, Boolean> judged : JUDGED_BY_PACKAGING_26_2) {
            boolean accepted = SpdxExpression.problem(judged.getKey()).isEmpty();
            if (accepted != judged.getValue()) {
                disagreements.add("'" + judged.getKey() + "': packaging " + (judged.getValue() ? "accepts" : "refuses")
                        + ", check says " + SpdxExpression.problem(judged.getKey()));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void exceptionsTheOldListLackedAreAccepted() {
        for (String exception : List.of("Independent-modules-exception", "PCRE2-exception", "CGAL-linking-exception",
                "Asterisk-linking-protocols-exception", "romic-exception", "mxml-exception")) {
            assertThat(SpdxExpression.problem("GPL-3.0-or-later WITH " + exception)).as(exception).isEmpty();
        }
    }

    @Test
    void idsOfANewerSpdxListThanPackagings262AreRefused() {
        // In npm spdx-license-ids 3.0.24 (the list check used before), not in packaging 26.2's SPDX 3.27.0 list.
        for (String id : List.of("ALGLIB-Documentation", "BSD-3-Clause-OpenWebUI", "OpenMDW-1.0", "UnRAR",
                "WordNet", "hyphen-bulgarian", "X11-no-permit-persons")) {
            assertThat(SpdxExpression.problem(id)).as(id).hasValueSatisfying(why ->
                    assertThat(why).contains("'" + id + "' is not an SPDX license identifier"));
        }
    }

    @Test
    void onlyLicenseRefIsAUserDefinedReference() {
        assertThat(SpdxExpression.problem("LicenseRef-Proprietary")).isEmpty();
        assertThat(SpdxExpression.problem("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2")).hasValueSatisfying(
                why -> assertThat(why).contains("not DocumentRef-"));
        assertThat(SpdxExpression.problem("MIT WITH AdditionRef-Mine")).hasValueSatisfying(
                why -> assertThat(why).contains("PyPI accepts no AdditionRef-"));
        assertThat(SpdxExpression.problem("LicenseRef-Mine+")).hasValueSatisfying(
                why -> assertThat(why).contains("ending in '+'"));
    }

    @Test
    void anyWhitespacePythonSplitsOnSeparatesTokens() {
        // str.split() splits on U+00A0, U+2007, U+202F and U+0085, which Java's isWhitespace does not count.
        for (String space : List.of("\u00a0", "\u2007", "\u202f", "\u0085", "\u3000", "\u001f")) {
            assertThat(SpdxExpression.problem("MIT" + space + "OR" + space + "Apache-2.0"))
                    .as("U+%04X", (int) space.charAt(0)).isEmpty();
        }
        assertThat(SpdxExpression.problem("MIT\u200bOR Apache-2.0")).isPresent(); // a zero-width space is no space
    }

    @Test
    void parenthesesNestAsDeepAsPythonsTokenizerAllows() {
        int max = SpdxExpression.MAX_NESTING;
        assertThat(SpdxExpression.problem("(".repeat(max) + "MIT" + ")".repeat(max))).isEmpty();
        assertThat(SpdxExpression.problem("(".repeat(max + 1) + "MIT" + ")".repeat(max + 1)))
                .hasValueSatisfying(why -> assertThat(why).contains("nest more than 200 deep"));
    }

    @Test
    void syntaxErrorsSayWhatIsWrongAndStillNameUnknownIds() {
        assertThat(SpdxExpression.problem("Apache 2.0")).hasValue("'2.0' follows 'Apache' without AND, OR or WITH "
                + "between them; 'Apache' is not an SPDX license identifier; '2.0' is not an SPDX license identifier");
        assertThat(SpdxExpression.problem("MIT WITH")).hasValue("it ends where a license id was expected");
        assertThat(SpdxExpression.problem("()")).hasValue("'()' holds nothing");
        assertThat(SpdxExpression.problem("MIT)")).hasValue("a ')' closes no '('");
    }
}
