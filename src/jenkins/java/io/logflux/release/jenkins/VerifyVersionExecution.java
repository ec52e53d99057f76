package io.logflux.release.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code logfluxVerifyVersion} off the Pipeline thread: picks the tag, sends the check to the agent, prints the
 * report, and fails the step with the release process's message on a mismatch.
 */
final class VerifyVersionExecution extends SynchronousNonBlockingStepExecution<String> {
    private static final long serialVersionUID = 1L;

    private final transient VerifyVersionStep step;

    VerifyVersionExecution(VerifyVersionStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected String run() throws Exception {
        EnvVars env = getContext().get(EnvVars.class);
        String tag = ReleaseTagChoice.choose(step.getTag(), env == null ? null : env.get(ReleaseTagChoice.TAG_NAME))
                .orElseThrow(() -> new AbortException(Messages.noReleaseTag()));
        FilePath workspace = getContext().get(FilePath.class);
        TaskListener listener = getContext().get(TaskListener.class);
        VerifyVersionOutcome outcome = workspace.act(new VerifyVersionCallable(tag, step.getProjectDir(),
                step.getVersionFile(), step.getFiles()));
        listener.getLogger().print(outcome.report());
        if (!outcome.ok()) {
            throw new AbortException(outcome.failure());
        }
        return outcome.normalizedVersion();
    }
}
