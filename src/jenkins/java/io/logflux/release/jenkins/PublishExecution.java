package io.logflux.release.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.logflux.release.ReleaseException;
import io.logflux.release.publish.PublishRequest;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;

/**
 * Runs {@code logfluxPublish} off the Pipeline thread: checks the parameters, reads the token from the credentials
 * store in the build's context (on the controller), then publishes from the agent that holds the files; from a
 * workspace on the controller itself, through Jenkins' proxy.
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
        GitHubReleaseOptions github = step.getGithubRelease();
        Run<?, ?> run = getContext().get(Run.class);
        EnvVars env = getContext().get(EnvVars.class);
        try {
            PublishRequest request = step.request();
            if (!request.toIndex() && github == null) {
                throw new AbortException(Messages.nothingToPublish());
            }
            PublishCallable callable = new PublishCallable(request, step.getFiles(),
                    getContext().get(TaskListener.class));
            if (request.toIndex()) {
                callable.toIndex(CredentialLookup.indexCredentials(run, step.getCredentialsId(), request.index()));
            }
            if (github != null) {
                GitHubReleaseParameters release = github.parameters(env == null ? null : env.get("TAG_NAME"),
                        env == null ? null : env.get("GIT_COMMIT"));
                callable.toGitHub(release, CredentialLookup.gitHubToken(run, github.getCredentialsId(),
                        String.valueOf(github.getRepo())));
            }
            FilePath workspace = getContext().get(FilePath.class);
            if (!workspace.isRemote()) {
                // FilePath.act runs the callable here, in the controller's JVM: use Jenkins' proxy (docs/steps.md)
                callable.throughControllerProxy(ControllerHttp.clientBase());
            }
            return workspace.act(callable).returned(step.isPropagate());
        } catch (ReleaseException e) {
            return PublishOutcome.failed(e).returned(step.isPropagate());
        }
    }
}
