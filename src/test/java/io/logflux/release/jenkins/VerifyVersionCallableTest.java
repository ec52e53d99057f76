package io.logflux.release.jenkins;

import io.logflux.release.testing.SampleProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent-side body of logfluxVerifyVersion, run on a plain directory as the agent would. */
class VerifyVersionCallableTest {
    @TempDir
    static Path workspaces;
    static Path workspace;

    @BeforeAll
    static void aWorkspaceWithTheSampleBuilt() {
        SampleProject sample = SampleProject.copyTo(workspaces.resolve("ws"));
        sample.build();
        workspace = sample.dir();
    }

    @Test
    void aMatchingTagReturnsTheNormalizedVersionAndAReport() {
        VerifyVersionOutcome outcome = new VerifyVersionCallable("v0.2.0", null, null, "dist/*")
                .invoke(workspace.toFile(), null);

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.normalizedVersion()).isEqualTo("0.2.0");
        assertThat(outcome.report()).startsWith("Package version 0.2.0 matches release tag v0.2.0")
                .contains("dist/logflux-0.2.0-py3-none-any.whl").contains("dist/logflux-0.2.0.tar.gz")
                .contains(": PASSED").contains("2 files checked: 2 passed, 0 failed");
        assertThat(outcome.failure()).isEmpty();
    }

    @Test
    void builtFilesAreValidatedTooAndAFailingCheckFailsTheStep() throws java.io.IOException {
        Path ws = workspaces.resolve("tampered");
        SampleProject sample = SampleProject.copyTo(ws);
        sample.build();
        Path wheel = sample.wheel("0.2.0");
        Path tampered = io.logflux.release.testing.ArchiveEditor.ofWheel(wheel).keepingRecord()
                .edit("logflux/client.py", s -> s + "\n# changed after the build\n")
                .writeWheel(ws.resolve("tampered.whl"));
        java.nio.file.Files.move(tampered, wheel, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        VerifyVersionOutcome outcome = new VerifyVersionCallable("v0.2.0", null, null, "dist/*").invoke(ws.toFile(), null);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.report()).contains("Package version 0.2.0 matches release tag v0.2.0")
                .contains("Checking " + wheel + ": FAILED").contains("ERROR [wheel.record-hash]");
        assertThat(outcome.failure()).startsWith("The built files failed validation: 'logflux-0.2.0-py3-none-any.whl': "
                + "logflux/client.py does not match its RECORD hash");
    }

    @Test
    void aWrongTagFailsWithTheSeedsMessage() {
        VerifyVersionOutcome outcome = new VerifyVersionCallable("v0.1.9", null, null, null)
                .invoke(workspace.toFile(), null);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.report()).startsWith("Package version (0.2.0) doesn't match release tag (0.1.9)")
                .contains("logflux/__init__.py");
        assertThat(outcome.failure()).startsWith("Package version (0.2.0) doesn't match release tag (0.1.9)");
    }

    @Test
    void theProjectCanLiveInASubdirectory() {
        VerifyVersionOutcome outcome = new VerifyVersionCallable("0.2.0", "ws", "logflux/__init__.py", "ws/dist/*.whl")
                .invoke(workspaces.toFile(), null);

        assertThat(outcome.ok()).as(outcome.failure()).isTrue();
    }

    @Test
    void aMissingProjectDirIsNamed() {
        VerifyVersionOutcome outcome = new VerifyVersionCallable("v0.2.0", "sdk", null, null)
                .invoke(workspace.toFile(), null);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.report()).isEmpty();
        assertThat(outcome.failure()).contains("Project directory " + workspace.resolve("sdk") + " does not exist");
    }

    @Test
    void aProjectDirOutsideTheWorkspaceIsRefused() {
        VerifyVersionOutcome outcome = new VerifyVersionCallable("v0.2.0", "../elsewhere", null, null)
                .invoke(workspace.toFile(), null);

        assertThat(outcome.failure()).contains("projectDir '../elsewhere' is outside the workspace");
    }

    @Test
    void aPatternMatchingNothingIsNamed() {
        VerifyVersionOutcome outcome = new VerifyVersionCallable("v0.2.0", null, null, "wheelhouse/*.whl")
                .invoke(workspace.toFile(), null);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failure()).contains("No files match 'wheelhouse/*.whl'").contains("python -m build");
    }

    @Test
    void aTagThatIsNotAVersionIsExplained() {
        VerifyVersionOutcome outcome = new VerifyVersionCallable("release-candidate", null, null, null)
                .invoke(workspace.toFile(), null);

        assertThat(outcome.failure()).startsWith("Release tag 'release-candidate' is not a version");
    }

    @Test
    void theCallableAndItsOutcomeCrossTheChannel() throws Exception {
        VerifyVersionCallable callable = roundTrip(new VerifyVersionCallable("v0.2.0", null, null, "dist/*"));
        VerifyVersionOutcome outcome = roundTrip(callable.invoke(workspace.toFile(), null));

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.normalizedVersion()).isEqualTo("0.2.0");
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
