package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.check.CheckReport;
import io.logflux.release.check.DistributionChecker;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import io.logflux.release.units.ByteSizes;
import io.logflux.release.units.Durations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Publishes one release's files to one index: {@code check} (its verdict first), the token probe and a listing of what
 * the index already has (identical files are skipped, a different file under the same name stops everything before a
 * byte is sent), then each file in upload order (wheels first) with {@link IndexClient#upload}, the first alone and the
 * others side by side ({@link UploadBatch}). Each file's metadata is read once and its bytes digested once.
 */
public final class Publisher {
    private final PackageIndex index;
    private final PublishOptions options;
    /** A client for one publish, its log given: the index side's lines are held back until the check has spoken. */
    private final Function<Consumer<String>, IndexClient> connect;
    private final Consumer<String> log;
    private final PublishProgress progress;

    public Publisher(PackageIndex index, IndexCredentials credentials, HttpSettings settings, PublishOptions options,
                     Sleeper sleeper, Consumer<String> log) {
        this(index, credentials, settings, options, sleeper, log, new PublishProgress());
    }

    /** @param progress told which files the index has, for the line printed if the process is stopped midway */
    public Publisher(PackageIndex index, IndexCredentials credentials, HttpSettings settings, PublishOptions options,
                     Sleeper sleeper, Consumer<String> log, PublishProgress progress) {
        this.index = index;
        this.progress = progress;
        this.options = options;
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
        ExecutorService beside = Executors.newFixedThreadPool(2, DaemonThreads.named("logflux-publish"));
        HeldLog indexLog = new HeldLog(log);
        try (IndexClient client = connect.apply(indexLog)) {
            // Before the first upload three things run side by side: the digests (one pass over each file), the check
            // (another), and the index's side — token probe and listing, network round trips that need only the
            // project and version, read first from the files' metadata (cheap). The check's verdict comes first:
            // nothing the index says matters for files that would not be sent.
            CompletableFuture<List<DistFile>> described = CompletableFuture.supplyAsync(
                    () -> DistFile.readRelease(paths), beside);
            CompletableFuture<List<FileSnapshot>> digested = CompletableFuture.supplyAsync(
                    () -> paths.stream().map(FileSnapshot::of).toList(), beside);
            CompletableFuture<Map<String, RemoteFile>> indexSide = described.thenApplyAsync(
                    files -> askTheIndex(client, files.get(0)), beside);
            CheckReport check = new DistributionChecker(options.check()).check(paths);
            if (!check.passed(options.strictCheck())) {
                throw new ReleaseException("Not uploading to " + index.describe() + ": check found problems in the "
                        + "files. Fix them and rebuild; nothing was sent.\n"
                        + check.text(options.strictCheck()).stripTrailing());
            }
            List<ReleaseFile> files = inUploadOrder(join(described), join(digested), check.uploadOrder());
            ReleaseFile first = files.get(0);
            log.accept("Publishing " + first.name() + " " + first.version() + " to " + index.describe() + " with the "
                    + "token from " + client.credentials().source() + ": " + String.join(", ", files.stream()
                    .map(ReleaseFile::fileName).toList()));
            Map<String, RemoteFile> existing;
            try {
                existing = join(indexSide);
            } finally {
                indexLog.release();
            }
            progress.started(first.name() + " " + first.version(), index.describe(),
                    files.stream().map(ReleaseFile::fileName).toList());
            List<ReleaseFile> toUpload = new ArrayList<>();
            List<PublishedFile> results = new ArrayList<>();
            for (ReleaseFile file : files) {
                RemoteFile remote = existing.get(file.fileName());
                if (remote != null && remote.sameAs(file.digests())) {
                    log.accept("Skipping " + file.fileName() + ": " + index.label() + " already has it with the same "
                            + "sha256 (" + file.digests().sha256() + ").");
                    progress.stored(file.fileName());
                    results.add(new PublishedFile(file.fileName(), file.digests().sha256(), file.digests().size(),
                            PublishedFile.Outcome.ALREADY_PRESENT, 0, remote.url()));
                } else if (remote != null && remote.sha256().isPresent()) {
                    throw UploadErrors.conflict(index, file, remote, null, List.of());
                } else {
                    toUpload.add(file);
                }
            }
            results.addAll(new UploadBatch(options.parallelUploads()).run(toUpload,
                    (file, uploadedBefore) -> upload(client, file, uploadedBefore)));
            PublishReport report = new PublishReport(index.label(), index.uploadUrl().toString(), first.name(),
                    first.version(), results, files);
            log.accept(report.summary());
            return report;
        } finally {
            progress.finished();
            beside.shutdownNow();
        }
    }

    private PublishedFile upload(IndexClient client, ReleaseFile file, List<String> uploadedBefore) {
        log.accept("Uploading " + file.fileName() + " (" + ByteSizes.human(file.digests().size()) + ", sha256 "
                + file.digests().sha256() + ") to " + index.describe());
        long start = System.nanoTime();
        progress.sending(file.fileName());
        PublishedFile result = client.upload(file, uploadedBefore, options.progressInterval());
        progress.stored(file.fileName());
        log.accept((result.outcome() == PublishedFile.Outcome.UPLOADED ? "Uploaded " : "Already there: ")
                + file.fileName() + " in " + Durations.human(Duration.ofNanos(System.nanoTime() - start)) + ".");
        return result;
    }

    /** The token probe, then what the index has of this release (by the first file's project and version). */
    private Map<String, RemoteFile> askTheIndex(IndexClient client, DistFile first) {
        if (options.probeToken()) {
            client.checkToken(first.normalizedName());
        }
        return client.release(first.normalizedName(), first.version());
    }

    /** Each file's metadata with its bytes' facts, in the check's upload order. */
    private static List<ReleaseFile> inUploadOrder(List<DistFile> described, List<FileSnapshot> snapshots,
                                                   List<Path> order) {
        List<ReleaseFile> files = IntStream.range(0, described.size())
                .mapToObj(i -> described.get(i).with(snapshots.get(i))).toList();
        return order.stream().map(p -> files.stream().filter(f -> f.path().equals(p)).findFirst().orElseThrow())
                .toList();
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
