package io.logflux.release.version;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class Pep440VersionPropertiesTest {

    /** Versions built from parts, each rendered with a randomly chosen accepted spelling. */
    record Parts(int epoch, List<Integer> release, Optional<String> prePhase, int preNumber, Optional<Integer> post,
                 Optional<Integer> dev, Optional<String> local, String spelling) {
        String render() {
            StringBuilder s = new StringBuilder(spelling.contains("v") ? "v" : "");
            if (epoch > 0) {
                s.append(epoch).append('!');
            }
            for (int i = 0; i < release.size(); i++) {
                s.append(i == 0 ? "" : ".").append(release.get(i));
            }
            String sep = spelling.contains("-") ? "-" : spelling.contains("_") ? "_" : ".";
            prePhase.ifPresent(p -> s.append(sep).append(longForm(p)).append(sep).append(preNumber));
            post.ifPresent(p -> s.append(sep).append(spelling.contains("r") ? "rev" : "post").append(p));
            dev.ifPresent(d -> s.append(sep).append("dev").append(d));
            local.ifPresent(l -> s.append('+').append(l));
            return spelling.contains("U") ? s.toString().toUpperCase(java.util.Locale.ROOT) : s.toString();
        }

        private String longForm(String phase) {
            if (!spelling.contains("L")) {
                return phase;
            }
            return switch (phase) {
                case "a" -> "alpha";
                case "b" -> "beta";
                default -> "preview";
            };
        }
    }

    @Provide
    Arbitrary<Parts> parts() {
        Arbitrary<Integer> epoch = Arbitraries.frequency(List.of(
                net.jqwik.api.Tuple.of(8, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 7)));
        Arbitrary<List<Integer>> release = Arbitraries.integers().between(0, 30).list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<Optional<String>> pre = Arbitraries.of("a", "b", "rc").optional(0.4);
        Arbitrary<Integer> preNumber = Arbitraries.integers().between(0, 20);
        Arbitrary<Optional<Integer>> post = Arbitraries.integers().between(0, 9).optional(0.3);
        Arbitrary<Optional<Integer>> dev = Arbitraries.integers().between(0, 9).optional(0.3);
        Arbitrary<Optional<String>> local = Arbitraries.of("ubuntu.1", "abc", "5", "a.b.3", "build.07").optional(0.2);
        Arbitrary<String> spelling = Arbitraries.of("", "v", "-", "_", "rL", "U", "v-L", "_U");
        return Combinators.combine(epoch, release, pre, preNumber, post, dev, local, spelling).as(Parts::new);
    }

    @Property
    void aRenderedVersionParsesBackToItsParts(@ForAll("parts") Parts parts) {
        Pep440Version v = Pep440Version.parse(parts.render());

        assertThat(v.epoch()).isEqualTo(BigInteger.valueOf(parts.epoch()));
        assertThat(v.release()).containsExactlyElementsOf(parts.release().stream().map(BigInteger::valueOf).toList());
        assertThat(v.pre().map(Pep440Version.PreRelease::phase)).isEqualTo(parts.prePhase());
        assertThat(v.post()).isEqualTo(parts.post().map(BigInteger::valueOf));
        assertThat(v.dev()).isEqualTo(parts.dev().map(BigInteger::valueOf));
        assertThat(v.hasLocal()).isEqualTo(parts.local().isPresent());
    }

    @Property
    void normalizingIsIdempotentAndKeepsTheVersion(@ForAll("parts") Parts parts) {
        Pep440Version v = Pep440Version.parse(parts.render());
        Pep440Version again = Pep440Version.parse(v.normalized());

        assertThat(again.normalized()).isEqualTo(v.normalized());
        assertThat(again).isEqualTo(v).hasSameHashCodeAs(v);
        assertThat(again.compareTo(v)).isZero();
    }

    @Property
    void orderIsAntisymmetricAndConsistentWithEquals(@ForAll("parts") Parts a, @ForAll("parts") Parts b) {
        Pep440Version x = Pep440Version.parse(a.render());
        Pep440Version y = Pep440Version.parse(b.render());

        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(-Integer.signum(y.compareTo(x)));
        assertThat(x.equals(y)).isEqualTo(x.compareTo(y) == 0);
        if (x.equals(y)) {
            assertThat(x.hashCode()).isEqualTo(y.hashCode());
        }
    }

    @Property
    void orderIsTransitive(@ForAll("parts") Parts a, @ForAll("parts") Parts b, @ForAll("parts") Parts c) {
        List<Pep440Version> v = List.of(Pep440Version.parse(a.render()), Pep440Version.parse(b.render()),
                Pep440Version.parse(c.render()));
        for (Pep440Version x : v) {
            for (Pep440Version y : v) {
                for (Pep440Version z : v) {
                    if (x.compareTo(y) <= 0 && y.compareTo(z) <= 0) {
                        assertThat(x.compareTo(z)).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
    }

    @Property
    void aPrereleaseSortsBeforeItsFinalReleaseAndAPostReleaseAfter(@ForAll("parts") Parts parts) {
        Pep440Version v = Pep440Version.parse(parts.render());
        Pep440Version finalRelease = v.baseVersion();

        if (v.pre().isPresent() || (v.dev().isPresent() && v.post().isEmpty())) {
            assertThat(v).isLessThan(finalRelease);
        }
        if (v.post().isPresent() && v.pre().isEmpty()) {
            assertThat(v).isGreaterThan(finalRelease);
        }
    }

    @Property(tries = 2000)
    void anyTextEitherParsesOrIsRefusedWithOurError(@ForAll @StringLength(max = 300) String text) {
        assertThatCode(() -> Pep440Version.tryParse(text)).doesNotThrowAnyException();
        if (!Pep440Version.isValid(text)) {
            assertThatCode(() -> Pep440Version.parse(text)).isInstanceOf(InvalidVersionException.class);
        }
    }

    /** A guard against catastrophic regex backtracking (a hang), not a speed measurement: the bound is huge. */
    @Property(tries = 300)
    void hostileTextNeverHangsTheParser(@ForAll("hostile") String text) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> Pep440Version.tryParse(text));
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> unit = Arbitraries.of("1.", "1", ".", "-", "a", "post", "dev", "+", "0", "_", "rc", "!");
        return unit.list().ofMinSize(50).ofMaxSize(256).map(parts -> String.join("", parts))
                .map(s -> s.length() > 256 ? s.substring(0, 256) : s);
    }
}
