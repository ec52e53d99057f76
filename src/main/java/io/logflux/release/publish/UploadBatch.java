package io.logflux.release.publish;

import io.logflux.release.concurrent.DaemonThreads;
import io.logflux.release.ReleaseException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Uploads the files of one release: the first alone (the index creates the release with it, and a refused token or
 * name stops the batch after one file, as in a one-at-a-time upload), then the others with at most {@code parallel}
 * in flight. After a failure no further upload starts; the ones in flight finish (a body cut short would only be
 * sent again by the re-run), then the failure is thrown. Results keep the files' order.
 */
final class UploadBatch {
    /** Uploads one file; {@code uploadedBefore} names the files of this batch already on the index. */
    @FunctionalInterface
    interface Upload<F> {
        PublishedFile upload(F file, List<String> uploadedBefore);
    }

    private static final long STOP_WAIT_SECONDS = 60;

    private final int parallel;

    UploadBatch(int parallel) {
        if (parallel < 1) {
            throw new ReleaseException("Parallel uploads must be 1 or more (1 uploads one file at a time); got "
                    + parallel + ".");
        }
        this.parallel = parallel;
    }

    <F> List<PublishedFile> run(List<F> files, Upload<F> upload) {
        List<PublishedFile> results = new ArrayList<>(Collections.nCopies(files.size(), null));
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        if (files.isEmpty()) {
            return results;
        }
        results.set(0, upload.upload(files.get(0), List.of()));
        done.add(results.get(0).fileName());
        if (files.size() == 1) {
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, files.size() - 1),
                DaemonThreads.named("logflux-upload"));
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        List<Future<PublishedFile>> futures = new ArrayList<>();
        try {
            for (F file : files.subList(1, files.size())) {
                futures.add(pool.submit(() -> {
                    if (failed.get() != null) {
                        throw new CancellationException("an earlier upload failed");
                    }
                    try {
                        PublishedFile result = upload.upload(file, List.copyOf(done));
                        done.add(result.fileName());
                        return result;
                    } catch (RuntimeException e) {
                        failed.compareAndSet(null, e);
                        throw e;
                    }
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.set(i + 1, futures.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    // the first failure is in `failed`; later files were not started
                } catch (CancellationException e) {
                    // not started because of an earlier failure
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            awaitStop(pool);
            Thread.currentThread().interrupt();
            throw new ReleaseException("Interrupted while uploading; uploads in flight were stopped and nothing "
                    + "further was sent. Run again to go on (files already on the index are skipped).", e);
        } finally {
            pool.shutdownNow();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return results;
    }

    private static void awaitStop(ExecutorService pool) {
        try {
            pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }
}
