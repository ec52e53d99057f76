package io.logflux.release.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.model.Result;
import hudson.util.Secret;
import io.logflux.release.testindex.TestIndex;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The steps in a real Jenkins (jenkins-test-harness), on the controller's own workspace, written from the APIs in
 * shared/reference/jenkins-api.md §5 and the jenkinsci sources. Only the real plugin build runs them
 * ({@code mvn -f hpi/pom.xml verify}, which needs repo.jenkins-ci.org): they have never been compiled or run in this
 * repository's CI, which cannot reach Jenkins' artifacts. On an agent: {@link StepsOnAnAgentTest}.
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
        FlowNode marked = new DepthFirstScanner().findFirstMatch(b.getExecution(),
                node -> node.getPersistentAction(WarningAction.class) != null);
        if (marked == null || !"logfluxYank: the yank is not verified".equals(
                marked.getPersistentAction(WarningAction.class).getMessage())) {
            throw new AssertionError("expected the yank's node to carry the stage's warning, found " + marked);
        }
    }

    @Test
    void aVersionThatIsNotTheTagsFailsTheGateWithTheReportAndNoStackTrace() throws Exception {
        WorkflowJob p = job("node { logfluxVerifyVersion tag: 'v9.9.9' }");

        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        r.assertLogContains("doesn't match release tag", b);
        r.assertLogContains("0.2.0", b);
        r.assertLogNotContains("\tat ", b);
    }

    @Test
    void publishAttachesTheFilesToTheGitHubReleaseOfTheTag() throws Exception {
        String githubToken = "ghp_0000000000000000000000000000000000000001"; // the recording's token
        addSecretText("github-token", githubToken);
        try (RecordedGitHub github = RecordedGitHub.replay(
                Path.of("../src/test/resources/github-fixtures/logflux-create-publish.json"))) {
            WorkflowJob p = job("node {\n"
                    + "  def r = logfluxPublish repository: 'none', files: 'hello.txt', githubRelease: [\n"
                    + "      credentialsId: 'github-token', repo: 'logflux/logflux-python', tag: 'v0.2.0',\n"
                    + "      name: 'logflux {tag}', notesFile: 'CHANGELOG.md', apiUrl: '" + github.apiUrl() + "']\n"
                    + "  echo \"created=${r.githubRelease.created}\"\n"
                    + "}");
            FilePath workspace = r.jenkins.getWorkspaceFor(p);
            workspace.child("hello.txt").write("Hello, world!\n", StandardCharsets.UTF_8.name());
            workspace.child("CHANGELOG.md").write("# Changelog\n\n## [0.2.0] - 2024-01-15\n### Added\n"
                    + "- First release of the SDK.\n", StandardCharsets.UTF_8.name());

            WorkflowRun b = r.assertBuildStatusSuccess(p.scheduleBuild2(0));

            r.assertLogContains("GitHub: published the release of tag v0.2.0", b);
            r.assertLogContains("created=true", b);
            r.assertLogNotContains(githubToken, b);
            github.assertConsumed();
        }
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
