package io.logflux.release.publish;

import io.logflux.release.concurrent.DaemonThreads;
import io.logflux.release.ReleaseException;
import io.logflux.release.files.DirectoryTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * The install check's temporary directory and the fresh venv in it, made on a thread of its own from the moment the
 * publication starts, so that it is ready when the index serves the files. {@link #close()} stops the making if it
 * still runs (its child is killed) and deletes the directory, whatever happened.
 */
public final class FreshVenv implements AutoCloseable {
    /** What was made: with which Python, which way, and the venv's interpreter. */
    record Ready(InstallPython python, PipWay way, Path venvPython) {
    }

    private final Path work;
    private final FutureTask<Ready> making;
    private final Thread thread;

    private FreshVenv(Path work, Function<Path, Ready> maker) {
        this.work = work;
        this.making = new FutureTask<>(() -> maker.apply(work));
        this.thread = DaemonThreads.named("logflux-venv").newThread(making);
    }

    /** Starts {@code maker} on a thread of its own, given a new temporary directory. */
    static FreshVenv start(Function<Path, Ready> maker) {
        FreshVenv venv = new FreshVenv(createWorkDir(), maker);
        venv.thread.start();
        return venv;
    }

    /** The install check's directory (the venv is its {@code venv} subdirectory). */
    Path work() {
        return work;
    }

    /** Waits until the venv is made; its failure is thrown here, as if it had been made now. */
    Ready await() {
        try {
            return making.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ReleaseException("Cannot make the install check's venv: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException("Interrupted during the install check.", e);
        }
    }

    @Override
    public void close() {
        making.cancel(true);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        DirectoryTree.deleteQuietly(work);
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("logflux-install-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the install check", e);
        }
    }
}
