package io.logflux.release.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.logflux.release.ReleaseException;
import io.logflux.release.github.GitHubEndpoint;
import io.logflux.release.github.GitHubReleases;
import io.logflux.release.github.GitHubRepo;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.units.Durations;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.ReleaseYanking;
import io.logflux.release.http.Sleeper;
import io.logflux.release.results.YankMap;
import io.logflux.release.secret.RunSecrets;
import io.logflux.release.yank.GitHubYankMode;
import io.logflux.release.yank.YankReport;
import io.logflux.release.yank.YankRequest;
import io.logflux.release.yank.Yanker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/**
 * Runs {@code logfluxYank} on the controller (no files are involved): index, then GitHub, then the verification. Its
 * requests go through Jenkins' proxy ({@link ControllerHttp}).
 */
final class YankExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient YankStep step;

    YankExecution(YankStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        RunSecrets secrets = new RunSecrets();
        PrintWriter log = secrets.printer(getContext().get(TaskListener.class).getLogger());
        if (step.getProject() == null || step.getVersion() == null) {
            throw new AbortException(Messages.yankNeedsProjectAndVersion());
        }
        GitHubReleases github = null;
        HttpSettings http = ControllerHttp.settings(HttpSettings.defaults());
        try {
            boolean toIndex = !PackageIndex.isNone(step.getRepository());
            PackageIndex index = toIndex ? PackageIndex.resolve(step.getRepository(), null, null) : null;
            IndexCredentials credentials = null;
            if (toIndex && step.isUseApi() && step.getCredentialsId() != null) {
                credentials = CredentialLookup.indexCredentials(run, step.getCredentialsId(), index);
                secrets.add(credentials.secret());
            }
            GitHubYankMode mode = GitHubYankMode.parse(step.getGithub());
            if (mode != GitHubYankMode.NONE) {
                if (step.getGithubRepo() == null || step.getGithubCredentialsId() == null) {
                    throw new AbortException(Messages.yankNeedsGitHub(step.getGithub()));
                }
                GitHubToken token = CredentialLookup.gitHubToken(run, step.getGithubCredentialsId(),
                        step.getGithubRepo());
                secrets.add(token.secret());
                github = GitHubReleases.connect(GitHubEndpoint.at(step.getGithubApiUrl()), token,
                        GitHubRepo.parse(step.getGithubRepo()), http, Sleeper.REAL, log::println);
            }
            Duration wait = step.getWaitForManualYank() == null ? null
                    : Durations.parse(step.getWaitForManualYank(), "waitForManualYank");
            YankReport report = new Yanker(toIndex ? new ReleaseYanking(index, http, Sleeper.REAL)
                    : null, index, credentials, github, step.getGithubRepo(), Sleeper.REAL, System::nanoTime,
                    log::println).yank(new YankRequest(step.getProject(), step.getVersion(), step.getReason(),
                    step.isUseApi(), wait, mode, step.getTag(),
                    step.isDeleteTag()));
            if (!report.verified()) {
                log.println(Messages.yankNotVerified());
                UnstableMarker.mark(getContext(), run, Messages.yankNotVerifiedShort());
            }
            return secrets.redact(YankMap.of(report));
        } catch (ReleaseException e) {
            throw new AbortException(secrets.redact(e.getMessage()));
        } finally {
            log.flush();
            if (github != null) {
                github.close();
            }
        }
    }
}
