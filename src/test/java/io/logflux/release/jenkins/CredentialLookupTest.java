package io.logflux.release.jenkins;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the credentials lookup without Jenkins. {@link CredentialLookup#apiToken} itself only runs
 * inside Jenkins (every stand-in member throws, AbortException's constructor included); here it is compiled against
 * the stand-in, and its token type and messages are checked.
 */
class CredentialLookupTest {
    private static final String SECRET = "pypi-AgEIcHlwaS5vcmcCJGIzNmQ0";

    @Test
    void theTokenNeverShowsItsSecret() {
        ApiToken text = new ApiToken("pypi-token", null, SECRET);
        ApiToken login = new ApiToken("pypi-login", "__token__", SECRET);

        assertThat(text.toString()).doesNotContain(SECRET).contains("pypi-token").contains("****");
        assertThat(login.toString()).doesNotContain(SECRET).contains("pypi-login").contains("__token__");
        assertThat(text.secret()).isEqualTo(SECRET);
        assertThat(text.username()).isEmpty();
        assertThat(login.username()).contains("__token__");
    }

    @Test
    void theTokenCannotBePersistedOrSentOverTheChannel() {
        assertThat(Serializable.class.isAssignableFrom(ApiToken.class)).isFalse();
    }

    @Test
    void theTokenHasNoValueEquality() throws NoSuchMethodException {
        // equals/hashCode over a secret would let it leak through collections' and loggers' use of them
        assertThat(ApiToken.class.getMethod("equals", Object.class).getDeclaringClass()).isEqualTo(Object.class);
        assertThat(ApiToken.class.getMethod("hashCode").getDeclaringClass()).isEqualTo(Object.class);
    }

    @Test
    void aMissingEntryIsReportedInCredentialsBindingsWordsWithWhatToDo() {
        assertThat(Messages.credentialsNotFound("pypi-token", "the PyPI API token")).isEqualTo(
                "Could not find credentials entry with ID 'pypi-token' (the PyPI API token). Add a Secret text "
                        + "credential with this ID in Jenkins, or fix credentialsId.");
    }

    @Test
    void everyCredentialsMessageNamesTheIdAndThePurpose() {
        for (String message : new String[] {
                Messages.credentialsNotFound("gh-release", "the GitHub token"),
                Messages.credentialsOfWrongKind("gh-release", "the GitHub token"),
                Messages.credentialsEmpty("gh-release", "the GitHub token")}) {
            assertThat(message).contains("'gh-release'").contains("(the GitHub token)").contains("fix credentialsId");
        }
        assertThat(Messages.noCredentialsId("the GitHub token")).contains("the GitHub token")
                .contains("credentialsId:");
    }

    @Test
    void theLookupTakesTheBuildAnIdAndAPurposeAndAbortsWithoutAStackTrace() throws NoSuchMethodException {
        Method lookup = CredentialLookup.class.getMethod("apiToken", Run.class, String.class, String.class);

        assertThat(Modifier.isStatic(lookup.getModifiers())).isTrue();
        assertThat(lookup.getReturnType()).isEqualTo(ApiToken.class);
        assertThat(lookup.getExceptionTypes()).containsExactly(AbortException.class);
        // Messages take the id and the purpose only: no message can be handed the secret.
        assertThat(Arrays.stream(Messages.class.getDeclaredMethods())
                .filter(m -> m.getName().startsWith("credentials") || m.getName().equals("noCredentialsId"))
                .flatMap(m -> Arrays.stream(m.getParameters()))
                .map(p -> p.getName()))
                .isNotEmpty().allMatch(name -> name.equals("credentialsId") || name.equals("purpose"));
    }

    @Test
    void bothAcceptedKindsOfEntryAreIdCredentials() {
        // findCredentialById is asked for IdCredentials, so both accepted kinds must be found by that query.
        assertThat(com.cloudbees.plugins.credentials.common.IdCredentials.class)
                .isAssignableFrom(StringCredentials.class)
                .isAssignableFrom(StandardUsernamePasswordCredentials.class);
    }
}
