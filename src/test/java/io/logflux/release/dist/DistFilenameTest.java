package io.logflux.release.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistFilenameTest {

    @Test
    void splitsAWheelName() {
        DistFilename name = DistFilename.parse("logflux-0.2.0-py3-none-any.whl");

        assertThat(name).isEqualTo(new WheelFilename("logflux-0.2.0-py3-none-any.whl", "logflux", "0.2.0",
                Optional.empty(), List.of("py3"), List.of("none"), List.of("any")));
    }

    @Test
    void splitsBuildTagsAndCompressedTagSets() {
        WheelFilename name = (WheelFilename) DistFilename.parse(
                "my_pkg-1.0b1-1local-cp311.cp312-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");

        assertThat(name.distributionName()).isEqualTo("my_pkg");
        assertThat(name.versionText()).isEqualTo("1.0b1");
        assertThat(name.buildTag()).contains("1local");
        assertThat(name.pythonTags()).containsExactly("cp311", "cp312");
        assertThat(name.platformTags()).containsExactly("manylinux_2_17_x86_64", "manylinux2014_x86_64");
    }

    @Test
    void splitsAnSdistAtTheLastDash() {
        assertThat(DistFilename.parse("logflux-0.2.0.tar.gz"))
                .isEqualTo(new SdistFilename("logflux-0.2.0.tar.gz", "logflux", "0.2.0", ".tar.gz"));
        assertThat(DistFilename.parse("old-style-name-1.0.zip"))
                .isEqualTo(new SdistFilename("old-style-name-1.0.zip", "old-style-name", "1.0", ".zip"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logflux-0.2.0.whl", "logflux-0.2.0-py3-none-any-extra-x.whl", "log__flux-1-py3-none-any.whl",
            "log+flux-1-py3-none-any.whl", "logflux-1-build-py3-none-any.whl", "logflux-1--none-any.whl",
            "logflux.tar.gz", "-1.0.tar.gz", "logflux-.tar.gz", "logflux-0.2.0.tar.bz2", "SHA256SUMS", "logflux-0.2.0.egg"})
    void refusesNamesThatAreNotWheelsOrSdistsAndSaysWhatIsExpected(String fileName) {
        assertThatThrownBy(() -> DistFilename.parse(fileName))
                .isInstanceOf(InvalidDistributionException.class)
                .hasMessageStartingWith("'" + fileName + "' is not a wheel or sdist file name (")
                .hasMessageContaining("{name}-{version}-{python}-{abi}-{platform}.whl or {name}-{version}.tar.gz");
    }
}
