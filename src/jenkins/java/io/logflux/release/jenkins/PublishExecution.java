package io.logflux.release.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.logflux.release.ReleaseException;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;

/**
 * Runs {@code logfluxPublish} off the Pipeline thread: checks the parameters, reads the token from the credentials
 * store in the build's context (on the controller), then publishes from the agent that holds the files.
 */
final class PublishExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient PublishStep step;

    PublishExecution(PublishStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        if (step.getRepository() == null || step.getRepository().isEmpty()) {
            throw new AbortException(Messages.noRepository());
        }
        PublishParameters parameters = step.parameters();
        GitHubReleaseOptions github = step.getGithubRelease();
        if (!parameters.toIndex() && github == null) {
            throw new AbortException(Messages.nothingToPublish());
        }
        Run<?, ?> run = getContext().get(Run.class);
        EnvVars env = getContext().get(EnvVars.class);
        PublishCallable callable = new PublishCallable(parameters, getContext().get(TaskListener.class));
        try {
            if (parameters.toIndex()) {
                PackageIndex index = parameters.index();
                parameters.settings();
                ApiToken token = CredentialLookup.apiToken(run, step.getCredentialsId(),
                        Messages.tokenPurpose(index.label()));
                String username = token.username().orElse(IndexCredentials.TOKEN_USERNAME);
                if (index.isWarehouseHosted() && !username.equals(IndexCredentials.TOKEN_USERNAME)) {
                    throw new AbortException(Messages.notATokenUser(token.credentialsId(), username));
                }
                callable.toIndex(username, token.secret(), "credentials '" + token.credentialsId() + "'");
            }
            if (github != null) {
                GitHubReleaseParameters release = github.parameters(env == null ? null : env.get("TAG_NAME"),
                        env == null ? null : env.get("GIT_COMMIT"));
                ApiToken token = CredentialLookup.apiToken(run, github.getCredentialsId(),
                        Messages.gitHubTokenPurpose(String.valueOf(github.getRepo())));
                callable.toGitHub(release, token.secret(), "credentials '" + token.credentialsId() + "'");
            }
        } catch (ReleaseException e) {
            throw new AbortException(e.getMessage());
        }
        PublishOutcome outcome = getContext().get(FilePath.class).act(callable);
        if (!outcome.ok()) {
            throw new AbortException(outcome.failure());
        }
        return outcome.result();
    }
}
