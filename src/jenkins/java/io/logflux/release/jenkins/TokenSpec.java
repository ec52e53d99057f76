package io.logflux.release.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import io.logflux.release.tokens.TokenKind;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One token for {@code logfluxCheckTokens}: {@code [kind: 'pypi', credentialsId: 'pypi-token', project: 'logflux']},
 * {@code [kind: 'github', credentialsId: 'github-token', repo: 'logflux/logflux-python']}.
 */
public final class TokenSpec implements Describable<TokenSpec> {
    private final String kind;
    private final String credentialsId;
    private String project;
    private String repo;
    private String created;

    @DataBoundConstructor
    public TokenSpec(String kind, String credentialsId) {
        this.kind = kind;
        this.credentialsId = credentialsId == null ? null : credentialsId.strip();
    }

    public String getKind() {
        return kind;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getProject() {
        return project;
    }

    /** The PyPI project the token must be scoped to. */
    @DataBoundSetter
    public void setProject(String project) {
        this.project = StepFields.blankToNull(project);
    }

    public String getRepo() {
        return repo;
    }

    /** The GitHub repository the token must push to. */
    @DataBoundSetter
    public void setRepo(String repo) {
        this.repo = StepFields.blankToNull(repo);
    }

    public String getCreated() {
        return created;
    }

    /** When the token was created, YYYY-MM-DD; without it, the first time the check saw it counts. */
    @DataBoundSetter
    public void setCreated(String created) {
        this.created = StepFields.blankToNull(created);
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<TokenSpec> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.tokenSpecDisplayName();
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item,
                                                     @QueryParameter String credentialsId) {
            return CredentialsFields.fill(item, credentialsId);
        }

        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsFields.check(item, value, false);
        }

        public FormValidation doCheckKind(@QueryParameter String value) {
            return CredentialsFields.engineCheck(value, TokenKind::parse);
        }

    }
}
