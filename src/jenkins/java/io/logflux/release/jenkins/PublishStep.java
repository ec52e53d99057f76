package io.logflux.release.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.Symbol;
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
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.PublishRequest;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Set;

/**
 * {@code logfluxPublish}: uploads the built files to PyPI, TestPyPI or another index with the token from a Jenkins
 * credentials entry, waits until the index serves them, and optionally installs them in a fresh venv. Returns a map
 * of what it did (files, sha256, outcome, URLs). With {@code githubRelease} it then attaches the files to the tag's
 * GitHub release; {@code repository: 'none'} does only that.
 */
public final class PublishStep extends Step {
    static final String DEFAULT_FILES = "dist/*";
    private static final PublishRequest DEFAULTS = PublishRequest.defaults();

    private final String repository;
    private String credentialsId;
    private String files = DEFAULT_FILES;
    private String simpleUrl;
    private String jsonUrl;
    private boolean waitUntilServed = DEFAULTS.waitUntilServed();
    private String waitTimeout;
    private boolean verifyInstall;
    private String importName;
    private String importCommand;
    private String python;
    private boolean requireHashes;
    private boolean strict;
    private boolean tokenCheck = DEFAULTS.tokenCheck();
    private String uploadTimeout;
    private int attempts;
    private int parallelUploads;
    private GitHubReleaseOptions githubRelease;
    private boolean propagate = true;

    /**
     * @param repository {@code pypi}, {@code testpypi}, an upload URL, or {@code none} (only the GitHub part)
     */
    @DataBoundConstructor
    public PublishStep(String repository) {
        this.repository = repository == null ? null : repository.strip();
    }

    public String getRepository() {
        return repository;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A Secret text (the token) or Username with password ({@code __token__} + token) entry; not for 'none'. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = StepFields.blankToNull(credentialsId);
    }

    public String getFiles() {
        return files;
    }

    /** Ant-style patterns of the files to publish, relative to the workspace; default {@code dist/*}. */
    @DataBoundSetter
    public void setFiles(String files) {
        this.files = files == null || files.isBlank() ? DEFAULT_FILES : files.strip();
    }

    public String getSimpleUrl() {
        return simpleUrl;
    }

    @DataBoundSetter
    public void setSimpleUrl(String simpleUrl) {
        this.simpleUrl = StepFields.blankToNull(simpleUrl);
    }

    public String getJsonUrl() {
        return jsonUrl;
    }

    @DataBoundSetter
    public void setJsonUrl(String jsonUrl) {
        this.jsonUrl = StepFields.blankToNull(jsonUrl);
    }

    public boolean isWaitUntilServed() {
        return waitUntilServed;
    }

    @DataBoundSetter
    public void setWaitUntilServed(boolean waitUntilServed) {
        this.waitUntilServed = waitUntilServed;
    }

    public String getWaitTimeout() {
        return waitTimeout;
    }

    /** Such as {@code 15m} (the default), {@code 90s} or {@code 1h}. */
    @DataBoundSetter
    public void setWaitTimeout(String waitTimeout) {
        this.waitTimeout = StepFields.blankToNull(waitTimeout);
    }

    public boolean isVerifyInstall() {
        return verifyInstall;
    }

    @DataBoundSetter
    public void setVerifyInstall(boolean verifyInstall) {
        this.verifyInstall = verifyInstall;
    }

    public String getImportName() {
        return importName;
    }

    @DataBoundSetter
    public void setImportName(String importName) {
        this.importName = StepFields.blankToNull(importName);
    }

    public String getImportCommand() {
        return importCommand;
    }

    @DataBoundSetter
    public void setImportCommand(String importCommand) {
        this.importCommand = StepFields.blankToNull(importCommand);
    }

    public String getPython() {
        return python;
    }

    @DataBoundSetter
    public void setPython(String python) {
        this.python = StepFields.blankToNull(python);
    }

    public boolean isRequireHashes() {
        return requireHashes;
    }

    @DataBoundSetter
    public void setRequireHashes(boolean requireHashes) {
        this.requireHashes = requireHashes;
    }

    public boolean isStrict() {
        return strict;
    }

    @DataBoundSetter
    public void setStrict(boolean strict) {
        this.strict = strict;
    }

    public boolean isTokenCheck() {
        return tokenCheck;
    }

    @DataBoundSetter
    public void setTokenCheck(boolean tokenCheck) {
        this.tokenCheck = tokenCheck;
    }

    public String getUploadTimeout() {
        return uploadTimeout;
    }

    @DataBoundSetter
    public void setUploadTimeout(String uploadTimeout) {
        this.uploadTimeout = StepFields.blankToNull(uploadTimeout);
    }

    public int getAttempts() {
        return attempts;
    }

    /** Tries per request for failures that are safe to retry; 0 = the default (5). */
    @DataBoundSetter
    public void setAttempts(int attempts) {
        this.attempts = Math.max(0, attempts);
    }

    public int getParallelUploads() {
        return parallelUploads;
    }

    /** How many files (after the first) may be uploaded at once; 1 = one at a time, 0 = the default (3). */
    @DataBoundSetter
    public void setParallelUploads(int parallelUploads) {
        this.parallelUploads = Math.max(0, parallelUploads);
    }

    public GitHubReleaseOptions getGithubRelease() {
        return githubRelease;
    }

    /** Also attach the files to the tag's GitHub release: {@code githubRelease: [credentialsId: …, repo: …]}. */
    @DataBoundSetter
    public void setGithubRelease(GitHubReleaseOptions githubRelease) {
        this.githubRelease = githubRelease;
    }

    public boolean isPropagate() {
        return propagate;
    }

    /**
     * {@code false}: a failure of the publication does not fail the step; it returns {@code [ok: false, reason: …,
     * message: …]} instead (as {@code build}'s {@code propagate: false} does), for a Jenkinsfile that decides itself.
     */
    @DataBoundSetter
    public void setPropagate(boolean propagate) {
        this.propagate = propagate;
    }

    /** The engine's request: 0 for attempts or parallelUploads keeps the engine's default. */
    PublishRequest request() {
        return PublishRequest.builder().index(repository, simpleUrl, jsonUrl).check(strict, null)
                .tokenCheck(tokenCheck).parallelUploads(parallelUploads > 0 ? parallelUploads : null)
                .uploadTimeout(uploadTimeout).attempts(attempts > 0 ? attempts : null)
                .waitUntilServed(waitUntilServed, waitTimeout)
                .install(verifyInstall, python, importName, importCommand, requireHashes).build();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new PublishExecution(this, context);
    }

    @Extension
    @Symbol("logfluxPublish")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "logfluxPublish";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.publishDisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class, EnvVars.class);
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item,
                                                     @QueryParameter String credentialsId) {
            return CredentialsFields.fill(item, credentialsId);
        }

        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsFields.check(item, value, true);
        }

        public FormValidation doCheckRepository(@QueryParameter String value) {
            if (value == null || value.isBlank()) {
                return FormValidation.error(Messages.noRepository());
            }
            return CredentialsFields.engineCheck(value, v -> {
                if (!PackageIndex.isNone(v)) {
                    PackageIndex.resolve(v, null, null);
                }
            });
        }

        public FormValidation doCheckWaitTimeout(@QueryParameter String value) {
            return CredentialsFields.engineCheck(value, v -> Durations.parse(v, "waitTimeout"));
        }

        public FormValidation doCheckUploadTimeout(@QueryParameter String value) {
            return CredentialsFields.engineCheck(value, v -> Durations.parse(v, "uploadTimeout"));
        }

    }
}
