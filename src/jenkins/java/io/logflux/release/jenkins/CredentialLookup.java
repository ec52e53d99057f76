package io.logflux.release.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.NotATokenUserException;
import io.logflux.release.publish.PackageIndex;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Reads an API token from the Jenkins credentials entry a step names by {@code credentialsId}, in the context of the
 * build (so folder credentials and credentials parameters work), and records the use on the build.
 *
 * <p>Accepts "Secret text" (the token) and "Username with password" (the password is the token; whether the
 * username must be {@code __token__}, as for PyPI, is the engine's rule: {@link IndexCredentials#forIndex}). Messages name the id and the purpose,
 * never the secret. Runs only inside Jenkins: the default build compiles it against the stand-in.
 */
public final class CredentialLookup {
    private CredentialLookup() {
    }

    /**
     * @param run           the build the step runs in
     * @param credentialsId the id the step was given
     * @param purpose       what the token is for, such as "the TestPyPI API token", shown in error messages
     * @throws AbortException when the id is blank, no entry has it, the entry is of another kind, or it is empty
     */
    public static ApiToken apiToken(Run<?, ?> run, String credentialsId, String purpose) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            throw new AbortException(Messages.noCredentialsId(purpose));
        }
        IdCredentials found = CredentialsProvider.findCredentialById(credentialsId, IdCredentials.class, run);
        if (found == null) {
            throw new AbortException(Messages.credentialsNotFound(credentialsId, purpose));
        }
        ApiToken token;
        if (found instanceof StringCredentials text) {
            token = new ApiToken(credentialsId, null, text.getSecret().getPlainText());
        } else if (found instanceof StandardUsernamePasswordCredentials login) {
            token = new ApiToken(credentialsId, login.getUsername(), login.getPassword().getPlainText());
        } else {
            throw new AbortException(Messages.credentialsOfWrongKind(credentialsId, purpose));
        }
        if (token.secret().isBlank()) {
            throw new AbortException(Messages.credentialsEmpty(credentialsId, purpose));
        }
        // On its ordinary path findCredentialById does not record the use ("TODO should this be calling track?" in
        // its source), so track here as credentials-binding does; on the credentials-parameter path the use is then
        // recorded twice, which is harmless. Asking for IdCredentials, not one kind, tells a wrong kind from a wrong id.
        CredentialsProvider.track(run, found);
        return token;
    }

    /**
     * The engine's credentials for {@code index} from the entry: a Secret text is an API token (user
     * {@code __token__}); a Username with password entry for PyPI or TestPyPI must have the user {@code __token__}.
     */
    public static IndexCredentials indexCredentials(Run<?, ?> run, String credentialsId, PackageIndex index)
            throws AbortException {
        ApiToken token = apiToken(run, credentialsId, Messages.tokenPurpose(index.label()));
        try {
            return IndexCredentials.forIndex(index, token.username().orElse(null), token.secret(),
                    source(token));
        } catch (NotATokenUserException e) {
            throw new AbortException(Messages.notATokenUser(token.credentialsId(), e.username()));
        }
    }

    /** The engine's GitHub token from the entry, for {@code repo} (shown in messages). */
    public static GitHubToken gitHubToken(Run<?, ?> run, String credentialsId, String repo) throws AbortException {
        ApiToken token = apiToken(run, credentialsId, Messages.gitHubTokenPurpose(repo));
        return new GitHubToken(token.secret(), source(token));
    }

    /** How engine messages name the entry. */
    static String source(ApiToken token) {
        return "credentials '" + token.credentialsId() + "'";
    }
}
