package io.logflux.release.secret;

import io.logflux.release.ReleaseException;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.publish.IndexCredentials;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretTest {
    private static final String VALUE = "pypi-AgEIcHlwaS5vcmc+/=x";

    @Test
    void redactsTheValueItsUrlEncodedFormAndItsBasicAuthorization() {
        Secret secret = Secret.require(VALUE, "environment variable PYPI_API_TOKEN", "token", "Store it there.")
                .sentAsPasswordOf("__token__");
        String basic = Base64.getEncoder().encodeToString(("__token__:" + VALUE).getBytes(StandardCharsets.UTF_8));
        String text = "plain " + VALUE + " encoded pypi-AgEIcHlwaS5vcmc%2B%2F%3Dx header Basic " + basic;

        assertThat(secret.redact(text)).isEqualTo("plain **** encoded **** header Basic ****");
        assertThat(secret.basicAuthorization("__token__")).isEqualTo("Basic " + basic);
    }

    @Test
    void aBlankValueFailsNamingTheSourceInTheCallersWords() {
        assertThatThrownBy(() -> IndexCredentials.token("  ", "credentials 'pypi-token'"))
                .isInstanceOf(ReleaseException.class).hasMessage("The token from credentials 'pypi-token' is empty. "
                        + "Store the API token there (it starts with 'pypi-').");
        assertThatThrownBy(() -> new GitHubToken("", "environment variable GITHUB_TOKEN"))
                .hasMessage("The GitHub token from environment variable GITHUB_TOKEN is empty. Store a token with "
                        + "the 'contents: write' permission (fine-grained) or the 'repo' scope (classic) there.");
    }

    @Test
    void printsOnlyItsSourceAndSurvivesTheChannel() throws Exception {
        Secret secret = Secret.require(VALUE, "credentials 'pypi-token'", "token", "Store it there.");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(IndexCredentials.token(VALUE, "credentials 'pypi-token'"));
        }
        IndexCredentials back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (IndexCredentials) in.readObject();
        }

        assertThat(secret.toString()).doesNotContain(VALUE).contains("credentials 'pypi-token'").contains("****");
        assertThat(back.toString()).doesNotContain(VALUE);
        assertThat(back.secret().redact("sent " + VALUE)).isEqualTo("sent ****");
        assertThat(Secret.orEmpty(null, "environment variable X").isEmpty()).isTrue();
    }
}
