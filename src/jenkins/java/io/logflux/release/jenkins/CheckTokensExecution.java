package io.logflux.release.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.logflux.release.ReleaseException;
import io.logflux.release.github.GitHubEndpoint;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import io.logflux.release.results.TokenCheckMap;
import io.logflux.release.secret.RunSecrets;
import io.logflux.release.tokens.Level;
import io.logflux.release.tokens.TokenCheckReport;
import io.logflux.release.tokens.TokenChecker;
import io.logflux.release.tokens.TokenFinding;
import io.logflux.release.tokens.TokenKind;
import io.logflux.release.tokens.TokenLedger;
import io.logflux.release.tokens.TokenPolicy;
import io.logflux.release.tokens.TokenToCheck;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.io.File;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code logfluxCheckTokens} on the controller, where the credentials are; the ledger of first sightings lives in
 * the job's directory under the Jenkins root, so ages survive from one scheduled run to the next. Its requests go
 * through Jenkins' proxy ({@link ControllerHttp}).
 */
final class CheckTokensExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    static final String LEDGER = "logflux-token-ledger.json";

    private final transient CheckTokensStep step;

    CheckTokensExecution(CheckTokensStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        RunSecrets secrets = new RunSecrets();
        PrintWriter log = secrets.printer(getContext().get(TaskListener.class).getLogger());
        if (step.getTokens().isEmpty()) {
            throw new AbortException(Messages.noTokensToCheck());
        }
        try {
            List<TokenToCheck> checks = new ArrayList<>();
            TokenToCheck auditToken = null;
            for (TokenSpec spec : step.getTokens()) {
                TokenKind kind = TokenKind.parse(spec.getKind());
                ApiToken token = CredentialLookup.apiToken(run, spec.getCredentialsId(), "the " + kind.name()
                        .toLowerCase(java.util.Locale.ROOT) + " token to check");
                secrets.addValue(token.secret(), CredentialLookup.source(token));
                TokenToCheck check = new TokenToCheck(kind, CredentialLookup.source(token), token.secret(),
                        spec.getProject(), spec.getRepo(), created(spec));
                checks.add(check);
                if (kind == TokenKind.GITHUB && spec.getRepo() != null && auditToken == null) {
                    auditToken = check;
                }
            }
            File ledger = new File(run.getParent().getRootDir(), LEDGER);
            TokenPolicy policy = TokenPolicy.of(step.getWarnAgeDays(), step.getFailAgeDays(),
                    step.getExpiryWarnDays(), step.getAccountWide());
            GitHubEndpoint endpoint = GitHubEndpoint.at(step.getGithubApiUrl());
            TokenChecker checker = new TokenChecker(policy, TokenLedger.open(ledger.toPath()), Clock.systemUTC(),
                    step.isOnline(), endpoint, ControllerHttp.settings(HttpSettings.defaults()), Sleeper.REAL);
            TokenCheckReport report = checker.check(checks);
            if (step.getAudit() != null) {
                if (auditToken == null) {
                    throw new AbortException(Messages.auditNeedsGitHub());
                }
                List<TokenFinding> all = new ArrayList<>(report.findings());
                all.addAll(checker.auditHistory(step.getAudit(), auditToken));
                report = new TokenCheckReport(all);
            }
            log.print(report.table());
            Map<String, Object> result = secrets.redact(TokenCheckMap.of(report));
            if (report.overall() == Level.FAIL) {
                throw new AbortException(Messages.tokenCheckFailed());
            }
            if (report.overall() == Level.WARN) {
                UnstableMarker.mark(getContext(), run, Messages.tokenCheckWarned());
            }
            return result;
        } catch (ReleaseException e) {
            throw new AbortException(secrets.redact(e.getMessage()));
        } finally {
            log.flush();
        }
    }

    private static LocalDate created(TokenSpec spec) throws AbortException {
        try {
            return spec.getCreated() == null ? null : LocalDate.parse(spec.getCreated());
        } catch (DateTimeParseException e) {
            throw new AbortException(Messages.badCreatedDate(spec.getCredentialsId(), spec.getCreated()));
        }
    }
}
