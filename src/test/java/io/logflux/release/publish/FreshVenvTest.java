package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The venv made beside the upload: its failure arrives where it is awaited; closing stops it and cleans up. */
class FreshVenvTest {
    private static final FreshVenv.Ready READY = new FreshVenv.Ready(new InstallPython("python3", true, true,
            Optional.of("23.0.1"), Optional.empty()), PipWay.HOST_PIP, Path.of("venv/bin/python"));

    @Test
    void closingWhileTheVenvIsStillBeingMadeStopsTheMakingAndDeletesTheDirectory() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();
        FreshVenv venv = FreshVenv.start(work -> {
            try {
                Files.writeString(work.resolve("half-made"), "x");
                started.countDown();
                new CountDownLatch(1).await(); // as a child process that runs until it is stopped
                return READY;
            } catch (Exception e) {
                stopped.set(e instanceof InterruptedException);
                throw new IllegalStateException(e);
            }
        });
        Path work = venv.work();
        started.await();

        venv.close();

        assertThat(stopped).as("the making was interrupted").isTrue();
        assertThat(work).doesNotExist();
    }

    @Test
    void aFailureToMakeTheVenvIsThrownWhereItIsAwaited() {
        try (FreshVenv venv = FreshVenv.start(work -> {
            throw new ReleaseException("Cannot create a virtual environment with 'python3 -m venv' (no venv).");
        })) {
            assertThatThrownBy(venv::await).isInstanceOf(ReleaseException.class)
                    .hasMessage("Cannot create a virtual environment with 'python3 -m venv' (no venv).");
        }
    }

    @Test
    void aMadeVenvIsHandedOverAndItsDirectoryDeletedOnClose() {
        Path work;
        try (FreshVenv venv = FreshVenv.start(dir -> READY)) {
            work = venv.work();
            assertThat(venv.await()).isEqualTo(READY);
            assertThat(work).isDirectory();
        }
        assertThat(work).doesNotExist();
    }
}
