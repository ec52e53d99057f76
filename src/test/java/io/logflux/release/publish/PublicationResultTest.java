package io.logflux.release.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationResultTest {
    @TempDir
    Path dir;

    @Test
    void theGitHubReleaseGetsTheSnapshotsThePublishMadeAndOnlyOtherFilesAreReadAgain() throws Exception {
        Path wheel = Files.writeString(dir.resolve("p-1.0-py3-none-any.whl"), "wheel");
        Path notes = Files.writeString(dir.resolve("NOTES.txt"), "notes");
        // Digests no pass over these bytes could give: the snapshot handed on must be the publish's own.
        FileSnapshot published = new FileSnapshot(wheel, new FileDigests("ab".repeat(32), 5), FileTime.fromMillis(7));
        ReleaseFile file = new DistFile(wheel, null, "p", "1.0").with(published);
        PublicationResult result = new PublicationResult(new PublishReport("testpypi", "https://test.pypi.org/legacy/",
                "p", "1.0", List.of(), List.of(file)), Optional.empty(), Optional.empty());

        List<FileSnapshot> snapshots = result.snapshots(List.of(notes, wheel));

        assertThat(snapshots.get(1)).isSameAs(published);
        assertThat(snapshots.get(0).path()).isEqualTo(notes);
        assertThat(snapshots.get(0).digests().size()).isEqualTo(5);
        assertThat(snapshots.get(0).digests().sha256()).isNotEqualTo("ab".repeat(32));
    }
}
