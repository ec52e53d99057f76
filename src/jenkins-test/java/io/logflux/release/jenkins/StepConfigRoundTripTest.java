package io.logflux.release.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.util.List;

/**
 * Each step through its Snippet Generator form and back (workflow-step-api's StepConfigTester: config.jelly shown in
 * a form, submitted, and bound again), with every parameter away from its default, so a field the form loses or
 * renames shows here. Real plugin build only ({@code mvn -f hpi/pom.xml verify}); never compiled or run in this
 * repository's CI.
 */
@WithJenkins
class StepConfigRoundTripTest {
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        // the credentials fields are dropdowns: the entries must be there to be selected
        for (String id : List.of("pypi-token", "github-token")) {
            SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                    CredentialsScope.GLOBAL, id, "test", Secret.fromString("secret-of-" + id)));
        }
        SystemCredentialsProvider.getInstance().save();
    }

    @Test
    void verifyVersion() throws Exception {
        VerifyVersionStep before = new VerifyVersionStep();
        before.setTag("v0.2.0");
        before.setFiles("dist/*.whl");
        before.setVersionFile("src/logflux/_version.py");
        before.setProjectDir("sdk");

        r.assertEqualDataBoundBeans(before, new StepConfigTester(r).configRoundTrip(before));
    }

    @Test
    void publishWithAGitHubRelease() throws Exception {
        PublishStep before = new PublishStep("testpypi");
        before.setCredentialsId("pypi-token");
        before.setFiles("dist/*.whl");
        before.setSimpleUrl("https://test.pypi.org/simple/");
        before.setJsonUrl("https://test.pypi.org/pypi/");
        before.setWaitUntilServed(false);
        before.setWaitTimeout("20m");
        before.setVerifyInstall(true);
        before.setImportName("logflux");
        before.setImportCommand("python -c 'import logflux'");
        before.setPython("python3.12");
        before.setRequireHashes(true);
        before.setStrict(true);
        before.setTokenCheck(false);
        before.setUploadTimeout("45m");
        before.setAttempts(3);
        before.setParallelUploads(2);
        before.setPropagate(false);
        GitHubReleaseOptions github = new GitHubReleaseOptions("github-token", "logflux/logflux-python");
        github.setTag("v0.2.0");
        github.setName("LogFlux {tag}");
        github.setNotesFile("NEWS.md");
        github.setNotes("Bug fixes.");
        github.setDraft(true);
        github.setReplaceAssets(true);
        github.setChecksums(false);
        github.setApiUrl("https://github.example.com/api/v3/");
        github.setCommit("0000000000000000000000000000000000000001");
        github.setLatest("false");
        before.setGithubRelease(github);

        r.assertEqualDataBoundBeans(before, new StepConfigTester(r).configRoundTrip(before));
    }

    @Test
    void publishWithoutAGitHubReleaseKeepsItAbsent() throws Exception {
        PublishStep before = new PublishStep("pypi");
        before.setCredentialsId("pypi-token");

        PublishStep after = new StepConfigTester(r).configRoundTrip(before);

        r.assertEqualDataBoundBeans(before, after);
        if (after.getGithubRelease() != null) {
            throw new AssertionError("an unchecked githubRelease block came back as " + after.getGithubRelease());
        }
    }

    @Test
    void yank() throws Exception {
        YankStep before = new YankStep("0.2.0", "broken wheel");
        before.setProject("logflux");
        before.setRepository("testpypi");
        before.setCredentialsId("pypi-token");
        before.setUseApi(true);
        before.setWaitForManualYank("30m");
        before.setGithub("mark");
        before.setGithubCredentialsId("github-token");
        before.setGithubRepo("logflux/logflux-python");
        before.setDeleteTag(true);
        before.setTag("release-0.2.0");
        before.setGithubApiUrl("https://github.example.com/api/v3/");

        r.assertEqualDataBoundBeans(before, new StepConfigTester(r).configRoundTrip(before));
    }

    @Test
    void checkTokens() throws Exception {
        TokenSpec pypi = new TokenSpec("pypi", "pypi-token");
        pypi.setProject("logflux");
        pypi.setCreated("2026-01-15");
        TokenSpec github = new TokenSpec("github", "github-token");
        github.setRepo("logflux/logflux-python");
        CheckTokensStep before = new CheckTokensStep(List.of(pypi, github));
        before.setOnline(true);
        before.setWarnAgeDays(60);
        before.setFailAgeDays(200);
        before.setExpiryWarnDays(10);
        before.setAccountWide("warn");
        before.setAudit("logflux");
        before.setGithubApiUrl("https://github.example.com/api/v3/");

        r.assertEqualDataBoundBeans(before, new StepConfigTester(r).configRoundTrip(before));
    }
}
