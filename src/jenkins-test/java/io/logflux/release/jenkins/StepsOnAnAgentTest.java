package io.logflux.release.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The steps on an agent in a JVM of its own (JenkinsRule.createOnlineSlave), so the callables travel to it over a
 * real remoting channel and their outcomes, and the engine's messages, come back over it. Real plugin build only
 * ({@code mvn -f hpi/pom.xml verify}); never compiled or run in this repository's CI.
 */
@WithJenkins
class StepsOnAnAgentTest {
    private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcCJjenkins-agent-test-token-000000000000";
    private JenkinsRule r;
    private TestIndex index;
    private DumbSlave agent;

    @TempDir
    Path indexDir;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        index = TestIndex.start(indexDir);
        index.acceptToken(TOKEN);
        agent = r.createOnlineSlave(Label.get("remote"));
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "pypi-token", "test", Secret.fromString(TOKEN)));
        SystemCredentialsProvider.getInstance().save();
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    /** A job whose workspace on the agent holds the sample project and its built files. */
    private WorkflowJob job(String script) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("node('remote') {\n" + script + "\n}", true));
        FilePath workspace = agent.getWorkspaceFor(p);
        assertTrue(workspace.isRemote(), "the agent's workspace is across a channel");
        new FilePath(new File("../resources/sample-sdk")).copyRecursiveTo(workspace);
        new FilePath(new File("../resources/sample-dist")).copyRecursiveTo(workspace.child("dist"));
        return p;
    }

    @Test
    void theGateAndThePublicationRunOnTheAgentAndTheirResultsComeBack() throws Exception {
        WorkflowJob p = job("def v = logfluxVerifyVersion tag: 'v0.2.0', files: 'dist/*'\n"
                + "def r = logfluxPublish repository: '" + index.uploadUrl() + "', credentialsId: 'pypi-token', "
                + "files: 'dist/*'\n"
                + "echo \"version=${v} uploaded=${r.uploaded}\"");

        WorkflowRun b = r.assertBuildStatusSuccess(p.scheduleBuild2(0));

        r.assertLogContains("Running on " + agent.getNodeName(), b);
        r.assertLogContains("Package version 0.2.0 matches release tag v0.2.0", b);
        r.assertLogContains("version=0.2.0 uploaded=[logflux-0.2.0-py3-none-any.whl, logflux-0.2.0.tar.gz]", b);
        r.assertLogNotContains(TOKEN, b);
        assertEquals(2, index.files().size(), "files on the index: " + index.files());
    }

    @Test
    void aFailureOnTheAgentComesBackAsTheEnginesMessage() throws Exception {
        WorkflowJob p = job("logfluxPublish repository: '" + index.uploadUrl() + "', credentialsId: 'pypi-token', "
                + "files: 'nothing/*.whl'");

        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        r.assertLogContains("No files match 'nothing/*.whl'", b);
        r.assertLogNotContains("\tat ", b);
        r.assertLogNotContains(TOKEN, b);
    }

    @Test
    void aFailedVersionGateOnTheAgentFailsTheBuildWithTheReport() throws Exception {
        WorkflowJob p = job("logfluxVerifyVersion tag: 'v9.9.9', files: 'dist/*'");

        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        r.assertLogContains("doesn't match release tag", b);
        r.assertLogNotContains("\tat ", b);
    }
}
