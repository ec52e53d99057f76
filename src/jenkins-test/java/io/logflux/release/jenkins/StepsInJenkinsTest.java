package io.logflux.release.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.model.Result;
import hudson.util.Secret;
import io.logflux.release.testindex.TestIndex;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.File;
import java.nio.file.Path;

/**
 * The steps in a real Jenkins (jenkins-test-harness), written from the APIs in shared/reference/jenkins-api.md §5.
 * Only the real plugin build runs them ({@code mvn -f hpi/pom.xml verify}, which needs repo.jenkins-ci.org): they have
 * never been compiled or run in this repository's CI, which cannot reach Jenkins' artifacts.
 */
@WithJenkins
class StepsInJenkinsTest {
    private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcCJjenkins-rule-test-token-0000000000";
    private JenkinsRule r;
    private TestIndex index;

    @TempDir
    Path indexDir;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        index = TestIndex.start(indexDir);
        index.acceptToken(TOKEN);
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        FilePath workspace = r.jenkins.getWorkspaceFor(p);
        new FilePath(new File("../resources/sample-sdk")).copyRecursiveTo(workspace);
        new FilePath(new File("../resources/sample-dist")).copyRecursiveTo(workspace.child("dist"));
        return p;
    }

    private void addSecretText(String id, String secret) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                id, "test", Secret.fromString(secret)));
        SystemCredentialsProvider.getInstance().save();
    }

    @Test
    void verifyVersionReturnsTheNormalizedVersion() throws Exception {
        WorkflowJob p = job("node { echo \"version=${logfluxVerifyVersion(tag: 'v0.2.0', files: 'dist/*')}\" }");

        WorkflowRun b = r.assertBuildStatusSuccess(p.scheduleBuild2(0));

        r.assertLogContains("version=0.2.0", b);
        r.assertLogContains("Package version 0.2.0 matches release tag v0.2.0", b);
    }

    @Test
    void publishUploadsWithTheCredentialsTokenAndNeverPrintsIt() throws Exception {
        addSecretText("pypi-token", TOKEN);
        WorkflowJob p = job("node { def r = logfluxPublish repository: '" + index.uploadUrl() + "', "
                + "credentialsId: 'pypi-token', files: 'dist/*'\n echo \"uploaded ${r.uploaded}\" }");

        WorkflowRun b = r.assertBuildStatusSuccess(p.scheduleBuild2(0));

        r.assertLogContains("uploaded [logflux-0.2.0-py3-none-any.whl, logflux-0.2.0.tar.gz]", b);
        r.assertLogContains("with the token from credentials 'pypi-token'", b);
        r.assertLogNotContains(TOKEN, b);
        if (index.files().size() != 2) {
            throw new AssertionError("expected 2 files on the index, found " + index.files());
        }
    }

    @Test
    void aMissingCredentialsEntryFailsWithItsIdAndNoStackTrace() throws Exception {
        WorkflowJob p = job("node { logfluxPublish repository: 'testpypi', credentialsId: 'nope', files: 'dist/*' }");

        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        r.assertLogContains("Could not find credentials entry with ID 'nope'", b);
        r.assertLogNotContains("\tat ", b);
    }

    @Test
    void anUnverifiedYankMarksTheBuildUnstable() throws Exception {
        index.preload(new File("../resources/sample-dist/logflux-0.2.0-py3-none-any.whl").toPath(), "logflux",
                "0.2.0");
        WorkflowJob p = job("logfluxYank project: 'logflux', version: '0.2.0', reason: 'broken wheel', repository: '"
                + index.uploadUrl() + "'");

        WorkflowRun b = r.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));

        r.assertLogContains("by hand: open " + index.baseUrl() + "manage/project/logflux/release/0.2.0/", b);
        r.assertLogContains("NOT VERIFIED", b);
    }

    @Test
    void aTokenThatIsNotAPypiTokenFailsTheCheckWithoutBeingPrinted() throws Exception {
        addSecretText("pypi-token", "not-a-pypi-token-but-a-secret");
        WorkflowJob p = job("logfluxCheckTokens tokens: [[kind: 'pypi', credentialsId: 'pypi-token', "
                + "project: 'logflux']]");

        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        r.assertLogContains("is not a PyPI API token", b);
        r.assertLogNotContains("not-a-pypi-token-but-a-secret", b);
    }
}
