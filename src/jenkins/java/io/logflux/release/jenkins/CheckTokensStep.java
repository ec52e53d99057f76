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
import io.logflux.release.tokens.TokenPolicy;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code logfluxCheckTokens}: the seed's token hygiene for a scheduled job. Fails the build on a failed check, marks it
 * UNSTABLE on warnings, and returns the report ({@code overall}, {@code table}, {@code json}).
 */
public final class CheckTokensStep extends Step {
    private final List<TokenSpec> tokens;
    private boolean online;
    private int warnAgeDays = TokenPolicy.DEFAULT_WARN_AGE_DAYS;
    private int failAgeDays = TokenPolicy.DEFAULT_FAIL_AGE_DAYS;
    private int expiryWarnDays = TokenPolicy.DEFAULT_EXPIRY_WARN_DAYS;
    private String accountWide = TokenPolicy.DEFAULT_ACCOUNT_WIDE;
    private String audit;
    private String githubApiUrl;

    @DataBoundConstructor
    public CheckTokensStep(List<TokenSpec> tokens) {
        this.tokens = tokens == null ? List.of() : new ArrayList<>(tokens);
    }

    public List<TokenSpec> getTokens() {
        return List.copyOf(tokens);
    }

    public boolean isOnline() {
        return online;
    }

    @DataBoundSetter
    public void setOnline(boolean online) {
        this.online = online;
    }

    public int getWarnAgeDays() {
        return warnAgeDays;
    }

    @DataBoundSetter
    public void setWarnAgeDays(int warnAgeDays) {
        this.warnAgeDays = warnAgeDays;
    }

    public int getFailAgeDays() {
        return failAgeDays;
    }

    @DataBoundSetter
    public void setFailAgeDays(int failAgeDays) {
        this.failAgeDays = failAgeDays;
    }

    public int getExpiryWarnDays() {
        return expiryWarnDays;
    }

    @DataBoundSetter
    public void setExpiryWarnDays(int expiryWarnDays) {
        this.expiryWarnDays = expiryWarnDays;
    }

    public String getAccountWide() {
        return accountWide;
    }

    /** {@code fail} (default) or {@code warn}: what an account-wide PyPI token does to the build. */
    @DataBoundSetter
    public void setAccountWide(String accountWide) {
        this.accountWide = accountWide == null || accountWide.isBlank() ? TokenPolicy.DEFAULT_ACCOUNT_WIDE
                : accountWide.strip();
    }

    public String getAudit() {
        return audit;
    }

    /** A PyPI project whose versions must each have a GitHub release (needs a github token with a repo). */
    @DataBoundSetter
    public void setAudit(String audit) {
        this.audit = StepFields.blankToNull(audit);
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
        return new CheckTokensExecution(this, context);
    }

    @Extension
    @Symbol("logfluxCheckTokens")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "logfluxCheckTokens";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.checkTokensDisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // FlowNode: the UNSTABLE result carries a WarningAction on the step's node (UnstableMarker)
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }
    }
}
