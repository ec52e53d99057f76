package io.logflux.release.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.TaskListener;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import hudson.util.FormValidation;
import io.logflux.release.version.ReleaseTag;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Set;

/**
 * {@code logfluxVerifyVersion}: the package version, wherever the project and its built files state it, must equal
 * the release tag. Returns the version in PEP 440 normal form.
 */
public final class VerifyVersionStep extends Step {
    private String tag;
    private String versionFile;
    private String files;
    private String projectDir;

    @DataBoundConstructor
    public VerifyVersionStep() {
    }

    public String getTag() {
        return tag;
    }

    /** The release tag; default: the tag build's {@code TAG_NAME}. */
    @DataBoundSetter
    public void setTag(String tag) {
        this.tag = StepFields.blankToNull(tag);
    }

    public String getVersionFile() {
        return versionFile;
    }

    /** The file holding {@code __version__}, relative to the project directory; default: found. */
    @DataBoundSetter
    public void setVersionFile(String versionFile) {
        this.versionFile = StepFields.blankToNull(versionFile);
    }

    public String getFiles() {
        return files;
    }

    /** Built files to check too, as Ant-style patterns relative to the workspace, such as {@code dist/*}. */
    @DataBoundSetter
    public void setFiles(String files) {
        this.files = StepFields.blankToNull(files);
    }

    public String getProjectDir() {
        return projectDir;
    }

    /** The project directory relative to the workspace; default: the workspace. */
    @DataBoundSetter
    public void setProjectDir(String projectDir) {
        this.projectDir = StepFields.blankToNull(projectDir);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new VerifyVersionExecution(this, context);
    }

    @Extension
    @Symbol("logfluxVerifyVersion")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "logfluxVerifyVersion";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.verifyVersionDisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(FilePath.class, TaskListener.class, EnvVars.class);
        }

        public FormValidation doCheckTag(@QueryParameter String value) {
            return CredentialsFields.engineCheck(value, ReleaseTag::parse);
        }
    }
}
