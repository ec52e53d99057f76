package io.logflux.release.hostile;

import io.logflux.release.ReleaseException;
import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.github.ReleaseNotes;
import io.logflux.release.tokens.PypiMacaroon;
import io.logflux.release.tokens.PypiTokenScope;
import io.logflux.release.version.Pep440Version;
import io.logflux.release.version.ReleaseTag;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for every parser that reads something a user or a server hands over: the version and tag parsers,
 * the core-metadata parser, the CHANGELOG section reader and the PyPI token decoder. Whatever comes in, the outcome is a
 * result or our own error type (which says what is wrong), never another exception. (Time is not asserted here — the
 * brief keeps timing out of unit tests; every parser is linear in its input and the suite's run shows it.)
 */
class HostileInputPropertiesTest {
    @Provide
    Arbitrary<String> versionLike() {
        return Arbitraries.strings().withChars("0123456789.!+-_abcdevpostrcalphbetrV ").ofMaxLength(60);
    }

    @Property(tries = 500)
    void versionsAndTagsParseOrSayWhy(@ForAll("versionLike") String text, @ForAll @StringLength(max = 40) String any) {
        for (String input : new String[] {text, any}) {
            outcome(() -> Pep440Version.parse(input));
            outcome(() -> ReleaseTag.parse(input));
        }
    }

    @Provide
    Arbitrary<String> metadataLike() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("Metadata-Version: 2.1", "Name: logflux", "Version: 0.2.0", "Summary: x", "", " cont",
                        "\tcont", ":", "Bad Header", "Classifier: A :: B"),
                Arbitraries.strings().ofMaxLength(30));
        return line.list().ofMaxSize(30).map(lines -> String.join("\n", lines));
    }

    @Property(tries = 500)
    void metadataParsesOrSaysWhy(@ForAll("metadataLike") String text) {
        outcome(() -> CoreMetadata.parse(text));
    }

    @Provide
    Arbitrary<String> changelogLike() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("## [0.2.0] - 2024-01-15", "## [Unreleased]", "## v0.2.0", "## 0.2.0", "##", "## [",
                        "### Added", "- item", "", "[0.2.0]: https://x", "# Changelog"),
                Arbitraries.strings().ofMaxLength(30));
        return line.list().ofMaxSize(40).map(lines -> String.join("\n", lines));
    }

    @Property(tries = 300)
    void changelogsYieldTheSectionOrSayWhy(@ForAll("changelogLike") String text, @ForAll("versionLike") String version)
            throws Exception {
        Path file = Files.createTempFile("changelog", ".md");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            outcome(() -> ReleaseNotes.fromChangelog(file, version));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 500)
    void tokensDecodeOrSayWhy(@ForAll @Size(max = 300) byte[] body, @ForAll @StringLength(max = 80) String text) {
        String encoded = "pypi-" + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
        String macaroonShaped = "pypi-" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                concat(new byte[] {2, 1, 8}, body));
        for (String token : new String[] {encoded, macaroonShaped, text, "pypi-" + text}) {
            outcome(() -> PypiTokenScope.of(PypiMacaroon.decode(token, "credentials 'fuzz'")));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void outcome(Runnable parse) {
        try {
            parse.run();
        } catch (ReleaseException e) {
            assertThat(e.getMessage()).as("our errors say what is wrong").isNotBlank();
        }
    }
}
