package io.logflux.release.jenkins;

import hudson.remoting.VirtualChannel;
import io.logflux.release.EngineError;
import io.logflux.release.ReleaseException;
import io.logflux.release.check.CheckOptions;
import io.logflux.release.check.CheckReport;
import io.logflux.release.check.DistributionChecker;
import io.logflux.release.files.FileGlob;
import io.logflux.release.verify.VerifyVersionReport;
import io.logflux.release.verify.VerifyVersionRequest;
import io.logflux.release.verify.VersionVerifier;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs Phase 1 on the agent that holds the workspace, on a plain directory: the version gate, and with built files
 * also {@code check} of them. The engine never sees a Jenkins type, and tests call {@link #invoke} on a temporary
 * directory.
 */
public final class VerifyVersionCallable extends MasterToSlaveFileCallable<VerifyVersionOutcome> {
    private static final long serialVersionUID = 1L;

    private final String tag;
    private final String projectDir;
    private final String versionFile;
    private final String files;

    /**
     * @param tag         the release tag
     * @param projectDir  the project directory relative to the workspace, or null for the workspace itself
     * @param versionFile the version file relative to the project directory, or null to find it
     * @param files       Ant-style patterns of built files relative to the workspace, or null for none
     */
    public VerifyVersionCallable(String tag, String projectDir, String versionFile, String files) {
        this.tag = tag;
        this.projectDir = projectDir;
        this.versionFile = versionFile;
        this.files = files;
    }

    @Override
    public VerifyVersionOutcome invoke(File workspace, VirtualChannel channel) {
        try {
            Path root = workspace.toPath().toAbsolutePath().normalize();
            Path project = projectDirectory(root);
            List<Path> builtFiles = files == null ? List.of() : FileGlob.resolve(root, files);
            VerifyVersionReport report = new VersionVerifier().verify(new VerifyVersionRequest(
                    project, tag, Optional.ofNullable(versionFile).map(Path::of), builtFiles));
            Optional<CheckReport> check = builtFiles.isEmpty() ? Optional.empty()
                    : Optional.of(new DistributionChecker(CheckOptions.defaults()).check(builtFiles));
            return VerifyVersionOutcome.of(report, check);
        } catch (ReleaseException e) {
            return VerifyVersionOutcome.error(e.getMessage());
        } catch (Error e) {
            // runs in the agent's JVM: the build log gets one line, not the JVM's stack trace
            return VerifyVersionOutcome.error(EngineError.describe(e, "logfluxVerifyVersion"));
        }
    }

    private Path projectDirectory(Path root) {
        if (projectDir == null) {
            return root;
        }
        Path project = root.resolve(projectDir).normalize();
        if (!project.startsWith(root)) {
            throw new ReleaseException("projectDir '" + projectDir + "' is outside the workspace " + root
                    + ". Give it relative to the workspace, for example 'sdk'.");
        }
        return project;
    }
}
