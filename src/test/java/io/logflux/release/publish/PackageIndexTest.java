package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackageIndexTest {
    @Test
    void noneMeansNoIndexWhateverItsCaseAndSpacing() {
        assertThat(PackageIndex.isNone("none")).isTrue();
        assertThat(PackageIndex.isNone(" None ")).isTrue();
        assertThat(PackageIndex.isNone("pypi")).isFalse();
        assertThat(PackageIndex.isNone(null)).isFalse();
    }

    @Test
    void pypiAndTestPypiHaveTheirUploadReadAndTokenSettingsBuiltIn() {
        PackageIndex pypi = PackageIndex.resolve("pypi", null, null);
        PackageIndex test = PackageIndex.resolve(" TestPyPI ", null, null);

        assertThat(pypi.uploadUrl()).isEqualTo(URI.create("https://upload.pypi.org/legacy/"));
        assertThat(pypi.releaseJson("logflux", "0.2.0")).contains(URI.create("https://pypi.org/pypi/logflux/0.2.0/json"));
        assertThat(pypi.simplePage("logflux")).isEqualTo(URI.create("https://pypi.org/simple/logflux/"));
        assertThat(pypi.tokenVariable()).contains("PYPI_API_TOKEN");
        assertThat(pypi.dependencyIndex()).isEmpty();
        assertThat(test.uploadUrl()).isEqualTo(URI.create("https://test.pypi.org/legacy/"));
        assertThat(test.simplePage("logflux")).isEqualTo(URI.create("https://test.pypi.org/simple/logflux/"));
        assertThat(test.tokenVariable()).contains("TEST_PYPI_API_TOKEN");
        assertThat(test.dependencyIndex()).contains(URI.create("https://pypi.org/simple/"));
        assertThat(test.describe()).isEqualTo("testpypi (https://test.pypi.org/legacy/)");
        assertThat(pypi.isWarehouseHosted()).isTrue();
    }

    @Test
    void aWarehouseStyleUrlGetsItsJsonApiAndSimpleIndexNextToIt() {
        PackageIndex index = PackageIndex.resolve("https://pypi.example.com/legacy", null, null);

        assertThat(index.uploadUrl()).isEqualTo(URI.create("https://pypi.example.com/legacy/"));
        assertThat(index.jsonApiUrl()).contains(URI.create("https://pypi.example.com/pypi/"));
        assertThat(index.simpleUrl()).isEqualTo(URI.create("https://pypi.example.com/simple/"));
        assertThat(index.describe()).isEqualTo("https://pypi.example.com/legacy/");
        assertThat(index.isWarehouseHosted()).isFalse();
        assertThat(index.tokenVariable()).isEmpty();
    }

    @Test
    void otherIndexesGetASimpleIndexUnderTheirUrlOrTheOneGiven() {
        PackageIndex pypiserver = PackageIndex.resolve("http://localhost:8080", null, null);
        PackageIndex artifactory = PackageIndex.resolve("https://repo.example.com/api/pypi/pypi-local",
                "https://repo.example.com/api/pypi/pypi-local/simple", "https://repo.example.com/json");

        assertThat(pypiserver.simpleUrl()).isEqualTo(URI.create("http://localhost:8080/simple/"));
        assertThat(pypiserver.jsonApiUrl()).isEqualTo(Optional.empty());
        assertThat(artifactory.uploadUrl()).isEqualTo(URI.create("https://repo.example.com/api/pypi/pypi-local/"));
        assertThat(artifactory.simpleUrl()).isEqualTo(URI.create("https://repo.example.com/api/pypi/pypi-local/simple/"));
        assertThat(artifactory.jsonApiUrl()).contains(URI.create("https://repo.example.com/json/"));
    }

    @Test
    void urlsWithCredentialsSimpleIndexesAndNonsenseAreRefused() {
        assertThatThrownBy(() -> PackageIndex.resolve("https://__token__:pypi-abc@upload.pypi.org/legacy/", null, null))
                .isInstanceOf(ReleaseException.class).hasMessageStartingWith("The repository URL contains a user name")
                .hasMessageNotContaining("pypi-abc");
        assertThatThrownBy(() -> PackageIndex.resolve("https://pypi.org/simple/", null, null))
                .hasMessageContaining("is a simple index (for installing), not an upload URL");
        assertThatThrownBy(() -> PackageIndex.resolve("pypy", null, null))
                .hasMessageStartingWith("The repository 'pypy' is neither 'pypi', 'testpypi' nor an http(s) URL");
        assertThatThrownBy(() -> PackageIndex.resolve(" ", null, null)).hasMessageStartingWith("No repository given");
    }
}
