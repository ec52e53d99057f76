package io.logflux.release.publish;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each refusal says why as a word, with the index's status and words and the file, besides its message. */
class IndexRefusalsTest {
    private final PackageIndex index = PackageIndex.resolve("https://pypi.example.com/legacy/", null, null);
    private final IndexCredentials credentials = IndexCredentials.token("pypi-refusals-test", "credentials 'index'");

    private static HttpReply reply(int status, String reason, String location) {
        return new HttpReply(status, reason, "text/plain", "", null, location);
    }

    @Test
    void aRefusedTokenCarriesTheStatusTheIndexsWordsAndNoFileForTheProbe() {
        IndexRefusedException e = UploadErrors.tokenRefused(index, credentials, null, "logflux",
                reply(403, "Invalid API Token: token is expired", null));

        assertThat(e.reason()).isEqualTo("token");
        assertThat(e.refusal()).isEqualTo(IndexRefusedException.Reason.TOKEN);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.indexMessage()).isEqualTo("Invalid API Token: token is expired");
        assertThat(e.fileName()).isEmpty();
        assertThat(e.getMessage()).doesNotContain("pypi-refusals-test");
    }

    @Test
    void theOtherAnswersEachHaveTheirWord() {
        String file = "logflux-0.2.0-py3-none-any.whl";

        assertThat(UploadErrors.wrongUrl(index, file, reply(308, "", "https://pypi.example.com/legacy/")).reason())
                .isEqualTo("wrong_url");
        assertThat(UploadErrors.wrongUrl(index, file, reply(404, "", null)).reason()).isEqualTo("wrong_url");
        assertThat(UploadErrors.badRequest(index, file, reply(400, "Invalid value for classifiers", null), List.of())
                .reason()).isEqualTo("bad_request");
        assertThat(UploadErrors.tooLarge(index, file, 10, reply(413, "", null), List.of()).reason())
                .isEqualTo("too_large");
        IndexRefusedException unexpected = UploadErrors.unexpected(index, file, reply(418, "I'm a teapot", null),
                List.of());
        assertThat(unexpected.reason()).isEqualTo("unexpected");
        assertThat(unexpected.fileName()).contains(file);
        assertThat(unexpected.getMessage()).startsWith("Unexpected answer from " + index.describe() + " to the upload "
                + "of " + file + ": HTTP 418 \"I'm a teapot\".");
    }
}
