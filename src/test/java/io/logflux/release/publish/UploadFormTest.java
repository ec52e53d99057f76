package io.logflux.release.publish;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The form we send, field for field against what real twine sends for the same file. */
class UploadFormTest {
    @TempDir
    static Path shared;
    static Path wheel;
    static Path sdist;

    @BeforeAll
    static void buildSample() {
        SampleProject sample = SampleProject.copyTo(shared.resolve("sample"));
        sample.replaceIn("pyproject.toml", "requires-python = \">=3.8\"",
                "requires-python = \">=3.8\"\nkeywords = [\"logging\", \"logflux\"]\n"
                        + "dependencies = [\"requests>=2; python_version >= '3.8'\"]");
        sample.replaceIn("pyproject.toml", "\\[project.urls\\]",
                "[project.optional-dependencies]\nfast = [\"orjson\"]\n\n[project.urls]");
        sample.build();
        wheel = sample.wheel("0.2.0");
        sdist = sample.sdist("0.2.0");
    }

    @Test
    void sendsTheSameFieldsAsTwineForAWheelAndAnSdist(@TempDir Path dir) {
        for (Path file : List.of(wheel, sdist)) {
            List<Map.Entry<String, String>> twine = viaTwine(dir, file);
            List<Map.Entry<String, String>> ours = viaUs(dir, file);

            // Debian's twine 4 also sends md5_digest and blake2_256_digest (warehouse needs one digest and computes
            // the others; we send sha256, as twine does under FIPS), and spells Provides-Extra
            // "provides_extras", which warehouse's form mapping does not read: it reads "provides_extra"
            // (shared/reference/pypi-protocol.md §1.2), as newer twine sends. We follow warehouse there.
            Set<String> twineOnly = Set.of("md5_digest", "blake2_256_digest", "comment");
            List<Map.Entry<String, String>> expected = twine.stream()
                    .filter(e -> !twineOnly.contains(e.getKey()))
                    .map(e -> e.getKey().equals("provides_extras") ? Map.entry("provides_extra", e.getValue()) : e)
                    .toList();
            assertThat(ours).as(file.getFileName().toString()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void multiValuedFieldsAreOnePartEachUnderWarehousesNames() {
        ReleaseFile file = ReleaseFile.read(wheel);
        UploadForm form = UploadForm.of(file.fileName(), file.metadata(), file.digests());

        assertThat(form.values("classifiers")).hasSize(3).contains("Development Status :: 4 - Beta");
        assertThat(form.values("project_urls")).containsExactly(
                "Homepage, https://github.com/logflux/logflux-python",
                "Changelog, https://github.com/logflux/logflux-python/blob/main/CHANGELOG.md");
        assertThat(form.values("requires_dist")).contains("orjson ; extra == 'fast'");
        assertThat(form.values("provides_extra")).containsExactly("fast");
        assertThat(form.values("pyversion")).containsExactly("py3");
        assertThat(form.values("filetype")).containsExactly("bdist_wheel");
        assertThat(form.values("sha256_digest")).containsExactly(file.digests().sha256());
        assertThat(form.values("blake2_256_digest")).isEmpty();
        assertThat(form.values(":action")).containsExactly("file_upload");
        assertThat(form.values("protocol_version")).containsExactly("1");
    }

    @Test
    void licenseFileIsDroppedBeforeMetadata24AndKeptFrom24() {
        FileDigests digests = new FileDigests("a".repeat(64), 1);
        CoreMetadata old = CoreMetadata.parse("Metadata-Version: 2.1\nName: p\nVersion: 1.0\nLicense-File: LICENSE\n");
        CoreMetadata current = CoreMetadata.parse("Metadata-Version: 2.4\nName: p\nVersion: 1.0\n"
                + "License-Expression: MIT\nLicense-File: LICENSE\n");

        assertThat(UploadForm.of("p-1.0.tar.gz", old, digests).values("license_file")).isEmpty();
        assertThat(UploadForm.of("p-1.0.tar.gz", current, digests).values("license_file")).containsExactly("LICENSE");
        assertThat(UploadForm.of("p-1.0.tar.gz", current, digests).values("pyversion")).isEmpty();
    }

    private static List<Map.Entry<String, String>> viaTwine(Path dir, Path file) {
        try (TestIndex index = TestIndex.start(dir.resolve("twine-" + file.getFileName()))) {
            String token = FakeTokens.pypi();
            index.acceptToken(token);
            DebianPython.Result result = DebianPython.run(dir, Map.of("TWINE_USERNAME", "__token__",
                    "TWINE_PASSWORD", token), "-m", "twine", "upload", "--non-interactive", "--disable-progress-bar",
                    "--repository-url", index.uploadUrl(), file.toString());
            assertThat(result.status()).as(result.output()).isZero();
            return index.lastForm();
        }
    }

    private static List<Map.Entry<String, String>> viaUs(Path dir, Path file) {
        try (TestIndex index = TestIndex.start(dir.resolve("ours-" + file.getFileName()))) {
            String token = FakeTokens.pypi();
            index.acceptToken(token);
            new Publisher(PackageIndex.resolve(index.uploadUrl(), null, null),
                    IndexCredentials.token(token, "environment variable PYPI_API_TOKEN"),
                    HttpSettings.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(1)),
                    PublishOptions.defaults(), d -> { }, line -> { }).publish(List.of(file));
            return index.lastForm();
        }
    }
}
