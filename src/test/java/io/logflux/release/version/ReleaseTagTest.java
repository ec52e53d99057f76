package io.logflux.release.version;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseTagTest {

    /** The seed's "Examples of valid combinations" and "Invalid combinations", plus variants. */
    @ParameterizedTest(name = "package {0}, tag {1}: {2}")
    @CsvSource({
            "0.2.0, v0.2.0, true",
            "0.2.0, 0.2.0, true",
            "1.0.0-beta, v1.0.0-beta, true",
            "0.2.0, v0.1.9, false",
            "0.2.0-beta, v0.2.0, false",
            "1.0.0b2, V1.0.0-beta.2, true",
            "1.0.0a3, v1.0.0-alpha.3, true",
            "0.2.0, refs/tags/v0.2.0, true",
            "1.0, v1.0.0, true",
            "1.0.0, v1.0.0+build.1, false",
    })
    void aTagMatchesThePackageVersionWithOrWithoutV(String packageVersion, String tag, boolean matches) {
        assertThat(ReleaseTag.parse(tag).matches(Pep440Version.parse(packageVersion))).isEqualTo(matches);
    }

    @Test
    void keepsTheTagAsGivenAndWithoutItsRef() {
        ReleaseTag tag = ReleaseTag.parse(" refs/tags/v0.2.0 ");

        assertThat(tag.raw()).isEqualTo("refs/tags/v0.2.0");
        assertThat(tag.withoutRefPrefix()).isEqualTo("v0.2.0");
        assertThat(tag.version().normalized()).isEqualTo("0.2.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"release-candidate", "v", "vv1.0", "latest", "refs/tags/", "v1.0-final"})
    void aTagThatIsNotAVersionGetsItsOwnError(String tag) {
        assertThatThrownBy(() -> ReleaseTag.parse(tag))
                .isInstanceOf(InvalidTagException.class)
                .hasMessageStartingWith("Release tag '" + tag + "' is not a version: ")
                .hasMessageEndingWith("Tag the release with the package version, with or without a 'v' prefix "
                        + "(e.g. v0.2.0 or 0.2.0).");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noTagSaysHowToPassOne(String tag) {
        assertThatThrownBy(() -> ReleaseTag.parse(tag))
                .isInstanceOf(InvalidTagException.class)
                .hasMessageStartingWith("No release tag given")
                .hasMessageContaining("TAG_NAME");
    }
}
