package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.files.FileName;
import io.logflux.release.check.CheckReport;
import io.logflux.release.check.DistributionChecker;
import io.logflux.release.concurrent.DaemonThreads;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import io.logflux.release.units.ByteSizes;
import io.logflux.release.units.Durations;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Publishes one release's files to one index: {@code check} (its verdict always decides first), the token probe and a
 * listing of what the index already has (identical files are skipped, a different file under the same name stops
 * everything before a byte of a file is sent), then each file in upload order (wheels first) with
 * {@link IndexClient#upload}, the first alone and the others side by side ({@link UploadBatch}). Each file's metadata
 * is read once and its bytes digested once.
 * <p>
 * The check runs beside the index side and, on an index that showed it refuses a form without a digest (warehouse) or
 * without its action (pypiserver; {@link TokenProbe}, {@link BodyLayout}), beside the upload itself: the file streams
 * while it runs, the upload computes the file's sha256 from the bytes it sends, and the body ends (sha256 field, the
 * action where it goes last, final boundary) only once the check passed and the file is unchanged
 * ({@link UploadGate}); otherwise the body is cut off and the index stores nothing. On any other index the check and
 * a digest pass come before the first byte, as twine does it; the pass also digests a file the index lists by name,
 * to compare.
 */
public final class Publisher {
    /** Checks the files of a release: {@link DistributionChecker} unless a test holds the verdict back. */
    @FunctionalInterface
    interface Checker {
        CheckReport check(List<Path> files);
    }

    private final PackageIndex index;
    private final PublishOptions options;
    /** A client for one publish, its log given: the index side's lines are held back until the check has spoken. */
    private final Function<Consumer<String>, IndexClient> connect;
    private final Consumer<String> log;
    private final PublishProgress progress;
    private final Checker checker;

    public Publisher(PackageIndex index, IndexCredentials credentials, HttpSettings settings, PublishOptions options,
                     Sleeper sleeper, Consumer<String> log) {
        this(index, credentials, settings, options, sleeper, log, new PublishProgress());
    }

    /** @param progress told which files the index has, for the line printed if the process is stopped midway */
    public Publisher(PackageIndex index, IndexCredentials credentials, HttpSettings settings, PublishOptions options,
                     Sleeper sleeper, Consumer<String> log, PublishProgress progress) {
        this(index, credentials, settings, options, sleeper, log, progress, (CheckedFiles) null);
    }

    /**
     * @param checked the release's files as checked earlier in this run, reused while they are unchanged; null: the
     *                publish checks them itself
     */
    public Publisher(PackageIndex index, IndexCredentials credentials, HttpSettings settings, PublishOptions options,
                     Sleeper sleeper, Consumer<String> log, PublishProgress progress, CheckedFiles checked) {
        this(index, credentials, settings, options, sleeper, log, progress, checked == null
                ? files -> new DistributionChecker(options.check()).check(files)
                : files -> checked.reportFor(files, options.check()));
    }

    Publisher(PackageIndex index, IndexCredentials credentials, HttpSettings settings, PublishOptions options,
              Sleeper sleeper, Consumer<String> log, PublishProgress progress, Checker checker) {
        this.index = index;
        this.progress = progress;
        this.options = options;
        this.checker = checker;
        this.connect = indexLog -> new IndexClient(index, credentials, settings, sleeper, indexLog);
        // Uploads after the first run side by side: one line at a time, whatever the caller's log is.
        this.log = line -> {
            synchronized (this) {
                log.accept(line);
            }
        };
    }

    public PublishReport publish(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new ReleaseException("No files to publish to " + index.describe() + ". Build them first "
                    + "(python -m build writes dist/), or fix the file pattern.");
        }
        List<Path> order = CheckReport.uploadOrder(paths);
        // Size and modification time before anything reads a file: what the check, the digest and the upload read
        // must be the file as it was then.
        Map<Path, Long> sizes = new HashMap<>();
        Map<Path, FileTime> modified = new HashMap<>();
        for (Path path : order) {
            sizes.put(path, OutgoingFile.sizeOf(path));
            modified.put(path, FileSnapshot.modifiedTime(path));
        }
        ExecutorService beside = Executors.newFixedThreadPool(4, DaemonThreads.named("logflux-publish"));
        HeldLog indexLog = new HeldLog(log);
        List<OutgoingFile> files = List.of();
        try (IndexClient client = connect.apply(indexLog)) {
            // Side by side from the start: the check (one pass over each file), the digests (another, in upload
            // order), and the index's side — the files' metadata (cheap), then the token probe and, on a fourth
            // thread, the listing: network round trips that need only the project and version.
            CompletableFuture<CheckReport> checked = CompletableFuture.supplyAsync(() -> checker.check(paths), beside);
            CompletableFuture<Void> checkPassed = checked.thenAccept(report -> {
                if (!report.passed(options.strictCheck())) {
                    throw new ReleaseException("check found problems in the files");
                }
            });
            CompletableFuture<IndexSide> indexSide = CompletableFuture.supplyAsync(() -> {
                List<DistFile> described = DistFile.readRelease(order);
                return askTheIndex(client, described, beside);
            }, beside);
            IndexSide side = checkFirst(checked, indexSide::join, List.of());
            // The digest pass, for the files whose sha256 is needed before their upload: all of them where it goes
            // first, else those the index lists by name (to compare). The others are hashed as they are sent.
            Map<Path, CompletableFuture<FileSnapshot>> digests = new HashMap<>();
            order.forEach(path -> digests.put(path, new CompletableFuture<>()));
            List<Path> digestedFirst = order.stream().filter(side::digestedFirst).toList();
            beside.execute(() -> digestedFirst.forEach(path -> {
                try {
                    digests.get(path).complete(FileSnapshot.of(path, modified.get(path)));
                } catch (RuntimeException | Error e) { // an upload waiting for this digest must not wait forever
                    digests.get(path).completeExceptionally(e);
                }
            }));
            if (!side.layout().streamsWhileChecking()) {
                requirePassed(join(checked), List.of());
            }
            files = side.files().stream().map(dist -> new OutgoingFile(dist, sizes.get(dist.path()),
                    modified.get(dist.path()), digests.get(dist.path()), !side.digestedFirst(dist.path()),
                    checkPassed)).toList();
            OutgoingFile first = files.get(0);
            log.accept("Publishing " + first.name() + " " + first.version() + " to " + index.describe() + " with the "
                    + "token from " + client.credentials().source() + ": " + String.join(", ", files.stream()
                    .map(OutgoingFile::fileName).toList()));
            indexLog.release();
            progress.started(first.name() + " " + first.version(), index.describe(),
                    files.stream().map(OutgoingFile::fileName).toList());
            List<OutgoingFile> outgoing = files;
            List<PublishedFile> results = checkFirst(checked, () -> uploadAll(client, outgoing, side), outgoing);
            // Every file uploaded waited for the check; a release whose files were all there already did not.
            requirePassed(join(checked), List.of());
            PublishReport report = new PublishReport(index.label(), index.uploadUrl().toString(), first.name(),
                    first.version(), results, files.stream().map(OutgoingFile::release).toList());
            log.accept(report.summary());
            return report;
        } finally {
            // A probe or a listing that failed leaves its retries and notes held: they go out before the error does.
            indexLog.release();
            progress.finished();
            beside.shutdownNow();
        }
    }

    /** Skips what the index has, stops at a different file under one of our names, uploads the rest. */
    private List<PublishedFile> uploadAll(IndexClient client, List<OutgoingFile> files, IndexSide side) {
        List<OutgoingFile> toUpload = new ArrayList<>();
        List<PublishedFile> results = new ArrayList<>();
        for (OutgoingFile file : files) {
            RemoteFile remote = side.existing().get(file.fileName());
            if (remote == null) {
                toUpload.add(file);
            } else if (remote.sameAs(file.digests())) {
                log.accept("Skipping " + file.fileName() + ": " + index.label() + " already has it with the same "
                        + "sha256 (" + file.digests().sha256() + ").");
                progress.stored(file.fileName());
                results.add(new PublishedFile(file.fileName(), file.digests().sha256(), file.digests().size(),
                        PublishedFile.Outcome.ALREADY_PRESENT, 0, remote.url()));
            } else if (remote.sha256().isPresent()) {
                throw UploadErrors.conflict(index, file.release(), remote, null, List.of());
            } else {
                toUpload.add(file);
            }
        }
        results.addAll(new UploadBatch(options.parallelUploads()).run(toUpload,
                (file, uploadedBefore) -> upload(client, file, uploadedBefore, side.layout())));
        return results;
    }

    private PublishedFile upload(IndexClient client, OutgoingFile file, List<String> uploadedBefore,
                                 BodyLayout layout) {
        log.accept(layout.streamsWhileChecking()
                ? "Uploading " + file.fileName() + " (" + ByteSizes.human(file.size()) + ") to " + index.describe()
                + ", its sha256" + (layout.actionLast() ? " and the upload's action" : "") + " after it (the sha256 "
                + "of the bytes sent; the check runs meanwhile and the upload ends only if it passes)"
                : "Uploading " + file.fileName() + " (" + ByteSizes.human(file.size()) + ", sha256 "
                + file.digests().sha256() + ") to " + index.describe());
        long start = System.nanoTime();
        progress.sending(file.fileName());
        PublishedFile result = client.upload(file, uploadedBefore, options.progressInterval(), layout);
        progress.stored(file.fileName());
        log.accept((result.outcome() == PublishedFile.Outcome.UPLOADED ? "Uploaded " : "Already there: ")
                + file.fileName() + " (sha256 " + result.sha256() + ") in "
                + Durations.human(Duration.ofNanos(System.nanoTime() - start)) + ".");
        return result;
    }

    /** What the index said before the first upload: the files' metadata, what it has, and how it takes uploads. */
    private record IndexSide(List<DistFile> files, Map<String, RemoteFile> existing, BodyLayout layout) {
        /** Whether the file's sha256 is needed before its upload: the body sends it first, or to compare. */
        boolean digestedFirst(Path path) {
            return !layout.streamsWhileChecking() || existing.containsKey(FileName.of(path));
        }
    }

    /**
     * The token probe and what the index has of this release (by the first file's project and version), side by side:
     * the listing needs nothing of the probe's answer. A refused probe is the failure, whatever the listing found.
     */
    private IndexSide askTheIndex(IndexClient client, List<DistFile> files, ExecutorService beside) {
        DistFile first = files.get(0);
        CompletableFuture<Map<String, RemoteFile>> existing = CompletableFuture.supplyAsync(
                () -> client.release(first.normalizedName(), first.version()), beside);
        BodyLayout layout = options.probeToken() ? client.checkToken(first) : BodyLayout.CHECK_FIRST;
        return new IndexSide(files, join(existing), layout);
    }

    /**
     * Runs {@code work}; if it fails, the check's verdict is awaited and, when the check failed, is the failure
     * (nothing the index said matters for files that would not be sent).
     */
    private <T> T checkFirst(CompletableFuture<CheckReport> checked, Supplier<T> work, List<OutgoingFile> files) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            RuntimeException failure = e instanceof CompletionException && e.getCause() instanceof RuntimeException
                    cause ? cause : e;
            CheckReport report;
            try {
                report = join(checked);
            } catch (RuntimeException checkFailed) {
                throw failure;
            }
            requirePassed(report, files);
            throw failure;
        }
    }

    /** Throws the check's refusal when it failed, naming the uploads it cut off before their end. */
    private void requirePassed(CheckReport check, List<OutgoingFile> files) {
        if (check.passed(options.strictCheck())) {
            return;
        }
        List<String> cutOff = files.stream().filter(f -> f.gate().stopReason().isPresent())
                .map(OutgoingFile::fileName).toList();
        throw new ReleaseException("Not uploading to " + index.describe() + ": check found problems in the "
                + "files. Fix them and rebuild; " + (cutOff.isEmpty() ? "nothing was sent."
                : "the index stored nothing (the upload of " + String.join(", ", cutOff) + " was cut off before "
                + "its digest and its end).") + "\n" + check.text(options.strictCheck()).stripTrailing());
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Holds the index side's lines until the check's verdict and the publish's first line are out; then passes on. */
    private static final class HeldLog implements Consumer<String> {
        private final Consumer<String> log;
        private List<String> held = new ArrayList<>();

        HeldLog(Consumer<String> log) {
            this.log = log;
        }

        @Override
        public synchronized void accept(String line) {
            if (held == null) {
                log.accept(line);
            } else {
                held.add(line);
            }
        }

        synchronized void release() {
            if (held != null) {
                held.forEach(log);
                held = null;
            }
        }
    }
}
