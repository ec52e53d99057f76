package io.logflux.release.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are PEP 440's own examples and the release process's spellings, written from the texts. */
class Pep440VersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // PEP 440, "Normalization"
            "1.1RC1|1.1rc1",
            "00|0",
            "09000|9000",
            "1.0+ubuntu-1|1.0+ubuntu.1",
            "1.1.a1|1.1a1",
            "1.1-a1|1.1a1",
            "1.0a.1|1.0a1",
            "1.1alpha1|1.1a1",
            "1.1beta2|1.1b2",
            "1.1c3|1.1rc3",
            "1.1pre4|1.1rc4",
            "1.1preview5|1.1rc5",
            "1.2a|1.2a0",
            "1.2.post2|1.2.post2",
            "1.2-post2|1.2.post2",
            "1.2post2|1.2.post2",
            "1.0-r4|1.0.post4",
            "1.0rev4|1.0.post4",
            "1.0-1|1.0.post1",
            "1.2.post|1.2.post0",
            "1.2-dev2|1.2.dev2",
            "1.2dev2|1.2.dev2",
            "1.2.dev|1.2.dev0",
            "v1.0|1.0",
            "V1.0|1.0",
            "' 1.0 '|1.0",
            "'\t1.0\n'|1.0",
            "1!1.0|1!1.0",
            "0!1.0|1.0",
            "1.0+ABC.001|1.0+abc.1",
            "1.0.0-rc.1|1.0.0rc1",
            "1.0_post_1|1.0.post1",
            // the release process's own spellings (seed: Version Format)
            "1.0.0-beta|1.0.0b0",
            "1.0.0-beta.2|1.0.0b2",
            "1.0.0-alpha|1.0.0a0",
            "1.0.0-alpha.3|1.0.0a3",
    })
    void normalizesAsPep440Says(String input, String expected) {
        assertThat(Pep440Version.parse(input).normalized()).isEqualTo(expected);
        assertThat(Pep440Version.parse(input)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "release-candidate", "1.0+", "1.0-", "1..0", "1.0.", ".1", "a1.0",
            "1.0 beta", "1!", "1.0.dev1.dev2", "1.0a1a2", "1.0+ubuntu_", "vv1.0", "1.0.0-beta-x", "1,0", "١.٠",
            "1.0+ü", "1.0a1.post1.post2"})
    void rejectsWhatIsNotAVersion(String input) {
        assertThatThrownBy(() -> Pep440Version.parse(input))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("'" + input + "' is not a valid PEP 440 version: ");
        assertThat(Pep440Version.isValid(input)).isFalse();
        assertThat(Pep440Version.tryParse(input)).isEmpty();
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> Pep440Version.parse("release-candidate"))
                .hasMessageContaining("must start with a number such as 1.0");
        assertThatThrownBy(() -> Pep440Version.parse("1.0.0-final"))
                .hasMessageContaining("'-final' after '1.0.0' is not a pre-release");
        assertThatThrownBy(() -> Pep440Version.parse("1.0+ubuntu_"))
                .hasMessageContaining("local label 'ubuntu_'");
        assertThatThrownBy(() -> Pep440Version.parse(null)).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> Pep440Version.parse("1." + "0".repeat(300)))
                .hasMessageContaining("longer than 256 characters");
    }

    @Test
    void ordersAsThePepsSummaryList() {
        // PEP 440, "Summary of permitted suffixes and relative ordering", with local versions as in its examples.
        List<String> ordered = List.of("1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
                "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0",
                "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1");
        List<Pep440Version> shuffled = new ArrayList<>(ordered.stream().map(Pep440Version::parse).toList());
        Collections.shuffle(shuffled, new Random(440));

        Collections.sort(shuffled);

        assertThat(shuffled).extracting(Pep440Version::normalized).containsExactlyElementsOf(ordered);
    }

    @Test
    void epochsOutrankEverything() {
        assertThat(Pep440Version.parse("1!0.1")).isGreaterThan(Pep440Version.parse("2020.12"));
    }

    @Test
    void trailingZerosDoNotMatterForEquality() {
        Pep440Version a = Pep440Version.parse("1.0");
        Pep440Version b = Pep440Version.parse("1.0.0");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.normalized()).isNotEqualTo(b.normalized());
        assertThat(Pep440Version.parse("1.0+abc.01")).isEqualTo(Pep440Version.parse("1.0+ABC-1"));
    }

    @Test
    void exposesItsParts() {
        Pep440Version v = Pep440Version.parse("2!1.02.3rc4.post5.dev6+Local-07");

        assertThat(v.epoch()).isEqualTo(BigInteger.TWO);
        assertThat(v.release()).containsExactly(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3));
        assertThat(v.pre()).contains(new Pep440Version.PreRelease("rc", BigInteger.valueOf(4)));
        assertThat(v.post()).contains(BigInteger.valueOf(5));
        assertThat(v.dev()).contains(BigInteger.valueOf(6));
        assertThat(v.local()).contains("local.7");
        assertThat(v.isPrerelease()).isTrue();
        assertThat(v.isPostrelease()).isTrue();
        assertThat(v.isDevrelease()).isTrue();
        assertThat(v.hasLocal()).isTrue();
        assertThat(v.publicVersion().normalized()).isEqualTo("2!1.2.3rc4.post5.dev6");
        assertThat(v.baseVersion().normalized()).isEqualTo("2!1.2.3");
    }

    @Test
    void stableAndPostReleasesAreNotPrereleases() {
        assertThat(Pep440Version.parse("1.0").isPrerelease()).isFalse();
        assertThat(Pep440Version.parse("1.0.post1").isPrerelease()).isFalse();
        assertThat(Pep440Version.parse("1.0.dev1").isPrerelease()).isTrue();
        assertThat(Pep440Version.parse("1.0b1").isPrerelease()).isTrue();
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        String big = "123456789012345678901234567890";

        assertThat(Pep440Version.parse(big + ".1").release().get(0)).isEqualTo(new BigInteger(big));
        assertThat(Pep440Version.parse(big + ".1")).isGreaterThan(Pep440Version.parse("9223372036854775807.9"));
    }
}
