package io.logflux.release.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import io.logflux.release.units.Durations;
import io.logflux.release.yank.GitHubYankMode;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Set;

/**
 * {@code logfluxYank}: the seed's "Rolling Back". Yanks the release on the index (PyPI has no yank API today: the step
 * names the page and the reason, and waits for the yank when asked), deletes or marks the GitHub release, verifies
 * both, and marks the build UNSTABLE whenever the yank is not verified.
 */
public final class YankStep extends Step {
    private final String version;
    private final String reason;
    private String project;
    private String repository = "pypi";
    private String credentialsId;
    private boolean useApi;
    private String waitForManualYank;
    private String github = "none";
    private String githubCredentialsId;
    private String githubRepo;
    private boolean deleteTag;
    private String tag;
    private String githubApiUrl;

    @DataBoundConstructor
    public YankStep(String version, String reason) {
        this.version = version == null ? null : version.strip();
        this.reason = reason;
    }

    public String getVersion() {
        return version;
    }

    public String getReason() {
        return reason;
    }

    public String getProject() {
        return project;
    }

    /** The PyPI project, e.g. {@code logflux}. */
    @DataBoundSetter
    public void setProject(String project) {
        this.project = StepFields.blankToNull(project);
    }

    public String getRepository() {
        return repository;
    }

    /** {@code pypi} (default), {@code testpypi}, an upload URL, or {@code none}. */
    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = repository == null || repository.isBlank() ? "pypi" : repository.strip();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** The index token, only for {@code useApi}. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = StepFields.blankToNull(credentialsId);
    }

    public boolean isUseApi() {
        return useApi;
    }

    @DataBoundSetter
    public void setUseApi(boolean useApi) {
        this.useApi = useApi;
    }

    public String getWaitForManualYank() {
        return waitForManualYank;
    }

    /** How long to wait for the yank by hand to show, e.g. {@code 30m}; empty: do not wait. */
    @DataBoundSetter
    public void setWaitForManualYank(String waitForManualYank) {
        this.waitForManualYank = StepFields.blankToNull(waitForManualYank);
    }

    public String getGithub() {
        return github;
    }

    /** {@code delete}, {@code mark} or {@code none} (default). */
    @DataBoundSetter
    public void setGithub(String github) {
        this.github = github == null || github.isBlank() ? "none" : github.strip();
    }

    public String getGithubCredentialsId() {
        return githubCredentialsId;
    }

    @DataBoundSetter
    public void setGithubCredentialsId(String githubCredentialsId) {
        this.githubCredentialsId = StepFields.blankToNull(githubCredentialsId);
    }

    public String getGithubRepo() {
        return githubRepo;
    }

    @DataBoundSetter
    public void setGithubRepo(String githubRepo) {
        this.githubRepo = StepFields.blankToNull(githubRepo);
    }

    public boolean isDeleteTag() {
        return deleteTag;
    }

    @DataBoundSetter
    public void setDeleteTag(boolean deleteTag) {
        this.deleteTag = deleteTag;
    }

    public String getTag() {
        return tag;
    }

    /** The GitHub release's tag; default {@code v<version>}. */
    @DataBoundSetter
    public void setTag(String tag) {
        this.tag = StepFields.blankToNull(tag);
    }

    public String getGithubApiUrl() {
        return githubApiUrl;
    }

    @DataBoundSetter
    public void setGithubApiUrl(String githubApiUrl) {
        this.githubApiUrl = StepFields.blankToNull(githubApiUrl);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new YankExecution(this, context);
    }

    @Extension
    @Symbol("logfluxYank")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "logfluxYank";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.yankDisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // FlowNode: the UNSTABLE result carries a WarningAction on the step's node (UnstableMarker)
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item,
                                                     @QueryParameter String credentialsId) {
            return CredentialsFields.fill(item, credentialsId);
        }

        public ListBoxModel doFillGithubCredentialsIdItems(@AncestorInPath Item item,
                                                           @QueryParameter String githubCredentialsId) {
            return CredentialsFields.fill(item, githubCredentialsId);
        }

        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsFields.check(item, value, true);
        }

        public FormValidation doCheckGithubCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsFields.check(item, value, true);
        }

        public FormValidation doCheckGithub(@QueryParameter String value) {
            return CredentialsFields.engineCheck(value, GitHubYankMode::parse);
        }

        public FormValidation doCheckWaitForManualYank(@QueryParameter String value) {
            return CredentialsFields.engineCheck(value, v -> Durations.parse(v, "waitForManualYank"));
        }

    }
}
