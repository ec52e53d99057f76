package io.logflux.release.publish;

import io.logflux.release.check.CheckOptions;
import io.logflux.release.check.CheckReport;
import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A release checks its files once: the phases after validation take its report while the files are unchanged. */
class CheckedFilesTest {
    @TempDir
    Path dir;

    private Path copy(Path file) throws Exception {
        return Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
    }

    @Test
    void theSameUnchangedFilesWithTheSameOptionsAreNotCheckedAgain() throws Exception {
        List<Path> files = List.of(copy(SampleBuild.shared().wheel()), copy(SampleBuild.shared().sdist()));
        CheckedFiles checked = CheckedFiles.check(files, CheckOptions.defaults());

        assertThat(checked.report().passed(false)).isTrue();
        assertThat(checked.reportFor(List.of(files.get(1), files.get(0)), CheckOptions.defaults()))
                .as("the same files, in another order").isSameAs(checked.report());
    }

    @Test
    void aFileRewrittenSinceIsCheckedAgainAsItIsNow() throws Exception {
        Path wheel = copy(SampleBuild.shared().wheel());
        CheckedFiles checked = CheckedFiles.check(List.of(wheel), CheckOptions.defaults());
        FileTime before = Files.getLastModifiedTime(wheel);
        Path broken = ArchiveEditor.ofWheel(wheel).keepingRecord().put("logflux/extra.py", "X = 1\n")
                .writeWheel(Files.createDirectories(dir.resolve("broken")).resolve(wheel.getFileName()));
        Files.move(broken, wheel, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(wheel, FileTime.fromMillis(before.toMillis() + 2_000));

        CheckReport now = checked.reportFor(List.of(wheel), CheckOptions.defaults());

        assertThat(now).isNotSameAs(checked.report());
        assertThat(now.passed(false)).as("the rewritten file's own verdict").isFalse();
    }

    @Test
    void otherOptionsOrOtherFilesAreCheckedAgain() throws Exception {
        Path wheel = copy(SampleBuild.shared().wheel());
        Path sdist = copy(SampleBuild.shared().sdist());
        CheckedFiles checked = CheckedFiles.check(List.of(wheel, sdist), CheckOptions.defaults());
        CheckOptions smaller = new CheckOptions(1 << 20, CheckOptions.defaults().limits(),
                CheckOptions.defaults().pythons());

        assertThat(checked.reportFor(List.of(wheel, sdist), smaller)).isNotSameAs(checked.report());
        assertThat(checked.reportFor(List.of(wheel), CheckOptions.defaults())).isNotSameAs(checked.report());
    }
}
